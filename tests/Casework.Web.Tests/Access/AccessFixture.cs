using System.Net.Http.Headers;
using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Access;

/// <summary>Helpers shared by the access tests: cases of two gemeenten, and tokens for any organisation and roles.</summary>
internal static class AccessFixture
{
    public const string Rotterdam = "GM0599";
    public const string Amsterdam = "GM0363";

    /// <summary>The roles a person can hold (the system role never comes from a token).</summary>
    public static IReadOnlyList<Role> PersonRoles { get; } = Enum.GetValues<Role>().Where(r => r != Role.Systeem).ToList();

    public static WebApplicationFactory<Program> WithSettings(CaseworkWebFactory factory, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    /// <summary>Opens a VHF application case owned by <paramref name="organisation"/> and saves it.</summary>
    public static async Task<CaseFile> OpenCaseAsync(IServiceProvider services, string organisation, string title)
    {
        await using var scope = services.CreateAsyncScope();
        var opener = scope.ServiceProvider.GetRequiredService<CaseOpener>();
        var db = scope.ServiceProvider.GetRequiredService<Casework.Web.Persistence.CaseworkDbContext>();
        return await db.InWriteTransactionAsync(
            async ct =>
            {
                var caseFile = await opener.OpenAsync("vhf-application", organisation, title, Actor.Person("seed-" + organisation.ToLowerInvariant(), organisation, Role.GemeenteAanvrager), ct);
                await db.SaveChangesAsync(ct);
                return caseFile;
            },
            CancellationToken.None);
    }

    public static string Token(IServiceProvider services, string organisation, params Role[] roles) =>
        Token(services, $"test-{organisation.ToLowerInvariant()}-{string.Join('-', roles).ToLowerInvariant()}", organisation, roles.Select(r => r.ToString()).ToArray());

    public static string Token(IServiceProvider services, string subject, string organisation, string[] roles) =>
        AuthSetup.IssueDevToken(services.GetRequiredService<AuthOptions>(), subject, "Test " + subject, organisation, roles, DateTimeOffset.UtcNow);

    public static HttpClient Client(WebApplicationFactory<Program> factory, string? token = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
