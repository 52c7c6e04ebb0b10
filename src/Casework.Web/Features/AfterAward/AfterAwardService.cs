using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Deadlines;
using Casework.Web.Persistence;
using Casework.Web.Persistence.Configurations;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// What the after-award use cases share: who may act (the gemeente of the award, the VRO department), starting a term
/// on the application's case the way the definitions' <c>startDeadline</c> does, and the award's current conditions.
/// </summary>
internal sealed class AfterAwardService(CaseworkDbContext db, LegalCalendar calendars, TimeProvider time)
{
    /// <summary>The department that judges after the award: the one that decided it.</summary>
    public const string Department = "VRO";

    public DateOnly Today => AmsterdamClock.Today(time);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The awarded application as the gemeente (applicant or member) sees it: 404 when not visible, 403 for anyone else, 409 without an award.</summary>
    public async Task<(FundingApplication Application, CaseFile Case)> LoadForGemeenteAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, id, actor, ct, withHistory: false);
        var isApplicant = actor.Organisation == caseFile.OwningOrganisation || caseFile.Members.Any(m => m.OrganisationCode == actor.Organisation);
        if (!actor.Roles.Contains(Role.GemeenteAanvrager) || !isApplicant)
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen de gemeente die de uitkering ontving meldt mijlpalen, verantwoordt en vraagt wijzigingen aan.");
        }

        return (await AwardedAsync(id, ct), caseFile);
    }

    /// <summary>The awarded application for the department's judgement: 404 when not visible, 403 unless a VRO Beoordelaar, 409 without an award.</summary>
    public async Task<(FundingApplication Application, CaseFile Case)> LoadForDepartmentAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, id, actor, ct, withHistory: false);
        if (!actor.Roles.Contains(Role.Beoordelaar) || actor.Organisation != Department)
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een beoordelaar van het ministerie van VRO beoordeelt wat na de toekenning komt.");
        }

        return (await AwardedAsync(id, ct), caseFile);
    }

    private async Task<FundingApplication> AwardedAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        if (!await db.Set<AwardConditions>().AnyAsync(c => c.ApplicationId == id, ct))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "Aan deze aanvraag is (nog) niets toegekend.");
        }

        return application;
    }

    public async Task<AwardConditions> CurrentConditionsAsync(Guid applicationId, CancellationToken ct) =>
        await db.Set<AwardConditions>().Where(c => c.ApplicationId == applicationId).OrderByDescending(c => c.Version).FirstAsync(ct);

    public async Task<bool> IsVastgesteldAsync(Guid applicationId, CancellationToken ct) =>
        await db.Set<Vaststelling>().AnyAsync(v => v.ApplicationId == applicationId, ct)
        || db.ChangeTracker.Entries<Vaststelling>().Any(e => e.Entity.ApplicationId == applicationId);

    /// <summary>Starts a term on the case as the definitions' <c>startDeadline</c> effect does (the worker finds it by its instants).</summary>
    public async Task<Deadline> StartDeadlineAsync(Guid caseId, TermKind kind, DateOnly eventDate, TermLength? length, string? onExpiry, CancellationToken ct)
    {
        var deadline = Deadline.Start(caseId, kind, eventDate, await calendars.GetAsync(db, ct), length);
        db.Deadlines.Add(deadline);
        var entry = db.Entry(deadline);
        entry.Property(DeadlineConfiguration.OnExpiryAction).CurrentValue = onExpiry;
        entry.Property(DeadlineConfiguration.DueAt).CurrentValue = AmsterdamClock.StartOfNextDayUtc(deadline.CurrentDueDate);
        entry.Property(DeadlineConfiguration.WarnAt).CurrentValue = AmsterdamClock.StartOfDayUtc(deadline.WarningDate);
        return deadline;
    }

    /// <summary>Closes a term the way the definitions' <c>stopDeadline</c> does: met when acted on within it, else stopped.</summary>
    public static void Close(Deadline? deadline, DateOnly on)
    {
        if (deadline is null || deadline.IsClosed)
        {
            return;
        }

        if (deadline.Status == DeadlineStatus.Running && on >= deadline.StartedOn && on <= deadline.CurrentDueDate)
        {
            deadline.MarkMet(on);
        }
        else
        {
            deadline.Stop();
        }
    }

    public static void StopIfOpen(Deadline? deadline)
    {
        if (deadline is { IsClosed: false })
        {
            deadline.Stop();
        }
    }

    public async Task<Deadline?> DeadlineAsync(Guid? id, CancellationToken ct) =>
        id is { } value ? await db.Deadlines.FirstOrDefaultAsync(d => d.Id == value, ct) : null;

    /// <summary>A deadline of <paramref name="kindId"/> that this unit of work has just started on the case (by the definition's effect).</summary>
    public Deadline? JustStarted(Guid caseId, string kindId) =>
        db.ChangeTracker.Entries<Deadline>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId && e.Entity.KindId == kindId)
            .Select(e => e.Entity)
            .LastOrDefault();

    public static BusinessRuleViolationException Broken(string code, string message, string source) =>
        new(new BrokenRule(code, message, source));
}
