using System.Reflection;

namespace Casework.Web.Tests.Architecture;

/// <summary>References point one way: Web -> Workflows -> Domain, and Web -> Domain.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Casework.Domain.Common.Money).Assembly;
    private static readonly Assembly Workflows = Assembly.Load("Casework.Workflows");
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Theory]
    [InlineData("Casework.Domain")]
    [InlineData("Casework.Workflows")]
    public void CoreProjects_ReferenceNeitherEfCoreNorAspNetCore(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var forbidden = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Data.", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Domain_ReferencesNoOtherCaseworkProject()
    {
        Assert.DoesNotContain(Domain.GetReferencedAssemblies(), a => a.Name!.StartsWith("Casework.", StringComparison.Ordinal));
    }

    [Fact]
    public void Workflows_ReferencesOnlyDomain()
    {
        var ours = Workflows.GetReferencedAssemblies().Select(a => a.Name).Where(n => n!.StartsWith("Casework.", StringComparison.Ordinal));
        Assert.Equal(["Casework.Domain"], ours);
    }

    [Fact]
    public void Web_ReferencesWorkflowsAndDomain()
    {
        var ours = Web.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Casework.", StringComparison.Ordinal)).Order();
        Assert.Equal(["Casework.Domain", "Casework.Workflows"], ours);
    }

    [Fact]
    public void Handlers_AreNotPublic()
    {
        var handlerInterfaces = new[] { "IRequestHandler`2", "IQueryHandler`2", "ICommandHandler`2", "INotificationHandler`1" };
        var publicHandlers = Web.GetTypes()
            .Where(t => t.IsClass && t.GetInterfaces().Any(i => i.IsGenericType && i.Namespace == "Mediator" && handlerInterfaces.Contains(i.Name)))
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Select(t => t.FullName)
            .ToList();

        Assert.Contains(Web.GetTypes(), t => t.GetInterfaces().Any(i => i.Namespace == "Mediator" && handlerInterfaces.Contains(i.Name)));
        Assert.Empty(publicHandlers);
    }
}
