using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Auth;

/// <summary>Body of <c>POST /api/v1/dev/token</c>: a demo user name, or an organisation with roles.</summary>
public sealed record DevTokenRequest(string? User, string? Organisation, IReadOnlyList<string>? Roles);

public sealed record DevTokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string UserId, string Organisation, IReadOnlyList<string> Roles);

/// <summary>Development sign-in: present only when the environment is Development (the endpoint is not even mapped elsewhere).</summary>
internal static class DevTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevTokenEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dev").WithTags("Ontwikkeling");
        group.MapPost("/token", async (DevTokenRequest request, AuthOptions options, CaseworkDbContext db, AuditTrail audit, TimeProvider time, CancellationToken ct) =>
            {
                string userId, name, organisation;
                List<string> roles;
                if (!string.IsNullOrWhiteSpace(request.User))
                {
                    var demo = DemoUsers.Find(request.User) ?? throw Invalid("user", $"'{request.User}' is geen demogebruiker.");
                    (userId, name, organisation, roles) = (demo.UserName, demo.DisplayName, demo.Organisation, demo.Roles.Select(r => r.ToString()).ToList());
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(request.Organisation))
                    {
                        throw Invalid("organisation", "Geef een demogebruiker (user) of een organisatie met rollen.");
                    }

                    if (!await db.Organisations.AnyAsync(o => o.Code == request.Organisation, ct))
                    {
                        throw Invalid("organisation", $"'{request.Organisation}' is geen bekende organisatie.");
                    }

                    roles = [.. request.Roles ?? []];
                    if (roles.Count == 0)
                    {
                        throw Invalid("roles", "Geef ten minste één rol.");
                    }

                    var unknown = roles.Where(r => !Enum.TryParse<Role>(r, out var role) || role == Role.Systeem).ToList();
                    if (unknown.Count > 0)
                    {
                        throw Invalid("roles", $"Onbekende rol(len): {string.Join(", ", unknown)}.");
                    }

                    organisation = request.Organisation;
                    userId = $"dev-{organisation.ToLowerInvariant()}-{string.Join('-', roles).ToLowerInvariant()}";
                    name = $"Ontwikkelaar {organisation}";
                }

                var now = time.GetUtcNow();
                var token = AuthSetup.IssueDevToken(options, userId, name, organisation, roles, now);
                var actor = new Actor(userId, organisation, roles.Select(Enum.Parse<Role>).ToHashSet());
                await audit.AppendAsync(AuditTrail.AuthStream(userId), actor, "aanmelding.ontwikkeling", "gebruiker", userId, "ok", null, new { organisatie = organisation, rollen = roles }, null, ct);
                await db.SaveChangesAsync(ct);
                return new DevTokenResponse(token, "Bearer", now.Add(options.DevTokenLifetime), userId, organisation, roles);
            })
            .WithName("issueDevToken")
            .WithSummary("Ontwikkel-aanmelding (alleen in Development): een bearer-token voor een demogebruiker of een organisatie met rollen")
            .Produces<DevTokenResponse>();

        group.MapGet("/users", () => DemoUsers.All)
            .WithName("listDemoUsers")
            .WithSummary("De demogebruikers van de ontwikkel-aanmelding (alleen in Development)")
            .Produces<IReadOnlyList<DemoUser>>();
        return api;
    }

    private static FluentValidation.ValidationException Invalid(string field, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
