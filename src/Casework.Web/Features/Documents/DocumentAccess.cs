using Casework.Domain.Access;
using Casework.Domain.Documents;
using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Meetings;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Documents;

/// <summary>The facts of a case that decide who reads and writes its documents.</summary>
/// <param name="AccountsAfterAward">An award the gemeente still accounts for (milestones, SiSa, a wijziging; ADR-019): not yet vastgesteld.</param>
internal sealed record CaseScope(Guid Id, string Reference, string State, bool IsClosed, string Owner, string? RoutedTo, string? LeadDepartment, string? BodyCode, IReadOnlyList<string> Members, bool AccountsAfterAward = false)
{
    /// <summary>The gemeente (or the members of a joint application) the case belongs to.</summary>
    public bool IsOwnedBy(string organisation) => Owner == organisation || Members.Contains(organisation);

    /// <summary>An organisation working on the case now: where it is routed, its lead department, the body that has it.</summary>
    public bool IsHandledBy(string organisation) => RoutedTo == organisation || LeadDepartment == organisation || BodyCode == organisation;
}

/// <summary>
/// Who reads and writes which document (docs/design.md, "Documents"). A document inherits the scoping of what holds
/// it: a case's (<see cref="CaseAccess"/>: another organisation's case is 404), a meeting's (every signed-in user), an
/// agenda item's (its meeting and its case). From <c>vertrouwelijk</c> up it narrows: on a case to the organisations
/// the case belongs to, those handling it and the author's; on a meeting or an agenda item to that body (its members
/// and secretariat) and the author's organisation. Auditors and administrators read everything. A document the caller
/// may not read is 404 and absent from lists.
/// </summary>
internal static class DocumentAccess
{
    public const string ConceptState = "concept";
    public const string HerstelState = "herstel";

    public static async Task<CaseScope> LoadCaseAsync(CaseworkDbContext db, Guid caseId, Actor actor, CancellationToken ct) =>
        await db.Cases.AsNoTracking().Where(c => c.Id == caseId).VisibleTo(actor)
            .Select(c => new CaseScope(c.Id, c.Reference, c.State, c.IsClosed, c.OwningOrganisation, c.RoutedTo, c.LeadDepartment, c.BodyCode, c.Members.Select(m => m.OrganisationCode).ToList(),
                db.Set<AfterAward.AwardConditions>().Any(a => a.ApplicationId == c.Id) && !db.Set<AfterAward.Vaststelling>().Any(v => v.ApplicationId == c.Id)))
            .FirstOrDefaultAsync(ct)
        ?? throw ApiProblemException.NotFound("De zaak");

    public static async Task<Meeting> LoadMeetingAsync(CaseworkDbContext db, Guid meetingId, CancellationToken ct) =>
        await db.Set<Meeting>().AsNoTracking().Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == meetingId, ct)
        ?? throw ApiProblemException.NotFound("De vergadering");

    /// <summary>May the actor read this document, given what holds it (the caller has loaded the case scoped, so the case is visible).</summary>
    public static bool MayRead(Actor actor, Document document, CaseScope? caseScope, string? bodyCode)
    {
        if (CaseAccess.SeesEverything(actor))
        {
            return true;
        }

        if (!document.Vertrouwelijkheidaanduiding.IsRestricted() || document.AuthorOrganisation == actor.Organisation)
        {
            return true;
        }

        return document.OwnerKind switch
        {
            DocumentOwnerKind.Zaak => caseScope is not null && (caseScope.IsOwnedBy(actor.Organisation) || caseScope.IsHandledBy(actor.Organisation)),
            _ => bodyCode is not null && actor.Organisation == bodyCode,
        };
    }

    /// <summary>
    /// May the actor add a document (or a version) to the case: the gemeente while the application is a concept or a
    /// herstelverzoek runs, or after the award until it is vastgesteld (evidence of milestones and of the verantwoording);
    /// the organisations handling it while it is open. Refusals say why (403, 409).
    /// </summary>
    public static void EnsureMayWriteToCase(Actor actor, CaseScope caseScope)
    {
        CaseAccess.EnsureMayWrite(actor);
        if (caseScope.IsClosed)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"Zaak {caseScope.Reference} is afgesloten; het dossier kan niet meer veranderen.");
        }

        if (caseScope.IsOwnedBy(actor.Organisation))
        {
            if (caseScope.State is not (ConceptState or HerstelState) && !caseScope.AccountsAfterAward)
            {
                throw ApiProblemException.Of(ProblemTypes.Conflict, $"Zaak {caseScope.Reference} is ingediend; de aanvrager kan alleen documenten toevoegen zolang de aanvraag een concept is of tijdens een herstelverzoek (regel DOSSIER-ALLEEN-CONCEPT-OF-HERSTEL; ontwerpkeuze, herstel: Awb art. 4:5).");
            }

            return;
        }

        if (!caseScope.IsHandledBy(actor.Organisation) && !actor.Roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen de aanvrager en de organisatie die de zaak nu behandelt kunnen documenten aan het dossier toevoegen.");
        }
    }

    /// <summary>Meeting papers are the secretariat's: the body's secretary adds and removes them.</summary>
    public static void EnsureMayWriteToMeeting(Actor actor, Meeting meeting) => MeetingAccess.EnsureSecretaryOf(actor, meeting.BodyCode);

    public static string StreamOf(Document document) => document.OwnerKind == DocumentOwnerKind.Vergadering
        ? MeetingStream(document.MeetingId!.Value)
        : Workflows.AuditTrail.CaseStream(document.CaseId!.Value);

    public static string MeetingStream(Guid meetingId) => "meeting:" + meetingId.ToString("N");
}
