using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases.Behandelaar;

/// <summary>What the caller may do about who handles a case, for the API and the case page alike.</summary>
public sealed record BehandelaarOptions(bool MayClaim, bool MayHandOver, bool MayRelease, bool MayReassign);

/// <summary>
/// Who may claim, hand over, release or reassign a case (docs/design.md, "Behandelaar"). A case routed to an organisation
/// can be claimed by one of its users; the behandelaar hands it to a colleague or releases it; a Beheerder of that
/// organisation reassigns or releases whoever holds it. These are not workflow actions (the state does not change);
/// whether a workflow action is for the behandelaar alone is the definition's <c>behandelaarOnly</c>, checked by the engine.
/// </summary>
internal static class BehandelaarRules
{
    public const string Source = "Mandaatregeling van de organisatie (ontwerpkeuze)";

    /// <summary>What the case page offers: the same rules as the Ensure methods, for a case as the page has it.</summary>
    public static BehandelaarOptions OptionsFor(bool closed, string? routedTo, string? behandelaar, Actor actor)
    {
        if (closed || routedTo is null || routedTo != actor.Organisation || actor.IsSystem || !MayWrite(actor))
        {
            return new BehandelaarOptions(false, false, false, false);
        }

        var isBehandelaar = behandelaar == actor.UserId;
        var beheerder = actor.Roles.Contains(Role.Beheerder);
        return new BehandelaarOptions(
            MayClaim: behandelaar is null,
            MayHandOver: isBehandelaar || beheerder,
            MayRelease: behandelaar is not null && (isBehandelaar || beheerder),
            MayReassign: beheerder);
    }

    public static void EnsureMayClaim(CaseFile caseFile, Actor actor)
    {
        EnsureInRoutedOrganisation(caseFile, actor, "in behandeling nemen");
        if (caseFile.Behandelaar == actor.UserId)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "U behandelt deze zaak al.", Rule("behandelaar-already"));
        }

        if (caseFile.Behandelaar is not null)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De zaak is al in behandeling bij {caseFile.BehandelaarName ?? caseFile.Behandelaar}.", Rule("behandelaar-taken"));
        }
    }

    public static void EnsureMayHandOver(CaseFile caseFile, Actor actor)
    {
        EnsureInRoutedOrganisation(caseFile, actor, "overdragen");
        if (caseFile.Behandelaar != actor.UserId && !actor.Roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(
                ProblemTypes.Forbidden,
                caseFile.Behandelaar is null
                    ? "Een zaak zonder behandelaar neemt u zelf in behandeling; alleen een beheerder wijst haar toe aan een collega."
                    : "Alleen de behandelaar of een beheerder van de organisatie mag de zaak overdragen.",
                Rule("behandelaar-only"));
        }
    }

    public static void EnsureMayRelease(CaseFile caseFile, Actor actor)
    {
        EnsureInRoutedOrganisation(caseFile, actor, "vrijgeven");
        if (caseFile.Behandelaar is null)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "De zaak heeft geen behandelaar.", Rule("behandelaar-none"));
        }

        if (caseFile.Behandelaar != actor.UserId && !actor.Roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen de behandelaar of een beheerder van de organisatie mag de zaak vrijgeven.", Rule("behandelaar-only"));
        }
    }

    /// <summary>
    /// The colleagues a case of <paramref name="organisation"/> can be handed to: the users who have signed in for it
    /// (the audit trail's sign-ins; Casework keeps no user register of its own, the identity provider does).
    /// </summary>
    public static async Task<IReadOnlyList<BehandelaarDto>> ColleaguesAsync(CaseworkDbContext db, string organisation, CancellationToken ct)
    {
        var ids = await db.AuditEvents.AsNoTracking()
            .Where(e => e.ActorOrganisation == organisation && e.Result == "ok" && e.Action.StartsWith("aanmelding."))
            .Select(e => e.ActorUserId)
            .Distinct()
            .ToListAsync(ct);
        return [.. ids.Select(id => new BehandelaarDto(id, NameOf(id))).OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>A user's display name: the demo directory's in development, otherwise the user id the identity provider gave.</summary>
    public static string NameOf(string userId) => DemoUsers.Find(userId)?.DisplayName ?? userId;

    private static bool MayWrite(Actor actor) => actor.Roles.Any(r => r is not (Role.Auditor or Role.Systeem));

    private static void EnsureInRoutedOrganisation(CaseFile caseFile, Actor actor, string what)
    {
        CaseAccess.EnsureMayWrite(actor);
        if (caseFile.IsClosed)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De zaak is afgesloten; u kunt haar niet meer {what}.", Rule("case-closed"));
        }

        if (caseFile.RoutedTo != actor.Organisation)
        {
            throw ApiProblemException.Of(
                ProblemTypes.Forbidden,
                caseFile.RoutedTo is null
                    ? $"De zaak ligt bij geen organisatie; niemand kan haar {what}."
                    : $"Alleen medewerkers van de organisatie waar de zaak ligt ({caseFile.RoutedTo}) mogen haar {what}.",
                Rule("wrong-organisation"));
        }
    }

    private static Dictionary<string, object?> Rule(string code) => new() { ["rule"] = code, ["source"] = Source };
}
