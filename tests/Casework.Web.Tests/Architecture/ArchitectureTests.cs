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

    /// <summary>
    /// One gate: only the engine compares a case's state with the definition's. Code outside it that tests a state
    /// against a string literal (<c>State == "concept"</c>, <c>State is "a" or "b"</c>) decides beside the definition.
    /// </summary>
    [Fact]
    public void NoCodeOutsideTheEngine_ComparesACaseStateWithAStringLiteral()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        var comparison = new System.Text.RegularExpressions.Regex(
            @"\bState\s*(==|!=)\s*""|""\s*(==|!=)\s*[\w.!]*\bState\b|\bState\s+is\s+(not\s+)?\(?\s*""");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"Casework.Workflows{Path.DirectorySeparatorChar}Engine", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => comparison.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(source, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(comparison.IsMatch("if (caseFile.State != \"concept\")"), "the pattern must catch a plain comparison");
        Assert.True(comparison.IsMatch("previous.State is \"afgewezen\" or \"bezwaarAfwijzing\""), "the pattern must catch an is-pattern");
        Assert.Empty(offenders);
    }

    /// <summary>
    /// One gate, the other half: code outside the engine does not switch on a case's state either (<c>switch (s.State)</c>,
    /// <c>caseFile.State switch { ... }</c>); what a state means for a user (its task, its owner) is in the definition.
    /// </summary>
    [Fact]
    public void NoCodeOutsideTheEngine_SwitchesOnACaseState()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        // A switch on a state whose first arm is a string literal: an EF entry's State (an EntityState) is not a case state.
        var switching = new System.Text.RegularExpressions.Regex(
            @"\bswitch\s*\(\s*[\w.?!]*\bState\s*\)\s*\{\s*case\s+""|\bState\s+switch\s*\{\s*""");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"Casework.Workflows{Path.DirectorySeparatorChar}Engine", StringComparison.Ordinal))
            .SelectMany(f => switching.Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(source, f)}: {m.Value.ReplaceLineEndings(" ")}"))
            .ToList();

        Assert.Matches(switching, "switch (s.State)\n        {\n            case \"concept\":");
        Assert.Matches(switching, "var text = caseFile.State switch\n{\n    \"herstel\" => 1,");
        Assert.DoesNotMatch(switching, "switch (entry.State)\n{\n    case EntityState.Added:");
        Assert.Empty(offenders);
    }

    /// <summary>
    /// Every CSV the host writes takes its configuration from the one place that neutralises formula cells
    /// (OWASP CSV Injection); a writer built with CsvHelper's default configuration would let them through.
    /// </summary>
    [Fact]
    public void EveryCsvWriter_UsesTheSpreadsheetSafeConfiguration()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        // "new CsvWriter(", a writer derived from it ("new SpreadsheetSafeCsvWriter("), and the target-typed "CsvWriter csv = new(".
        var construction = new System.Text.RegularExpressions.Regex(@"\bnew\s+(CsvHelper\.)?\w*CsvWriter\s*\(|\b\w*CsvWriter\s+\w+\s*=\s*new\s*\(");
        Assert.True(construction.IsMatch("await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);"), "the pattern must catch a plain construction");
        Assert.True(construction.IsMatch("CsvWriter csv = new(writer, config);"), "the pattern must catch a target-typed construction");
        Assert.True(construction.IsMatch("using var csv = new SpreadsheetSafeCsvWriter(text, config);"), "the pattern must catch a derived writer");
        var writers = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => construction.IsMatch(l.Text))
            .ToList();
        var offenders = writers
            .Where(l => !l.Text.Contains("SpreadsheetSafe.ForCsv(", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(source, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(writers);
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Casework.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Casework.sln not found above " + AppContext.BaseDirectory);
    }
}
