using System.Globalization;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Persistence;
using Casework.Web.Persistence.Configurations;
using Casework.Workflows.Engine;
using Casework.Workflows.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// Applies a transition's effects to the unit of work: routing, deadlines, decisions, notifications and
/// linked cases. Nothing is saved here; the command saves everything in one transaction or nothing.
/// </summary>
internal sealed class EffectApplier(CaseworkDbContext db, TimeProvider time, LegalCalendar calendars, CaseOpener opener, IEnumerable<ICaseRoleResolver> roleResolvers, IEnumerable<IDecisionEffect> decisionEffects, IEnumerable<ITermStartResolver> termStarts, IEnumerable<ILetterWriter> letters)
{
    public async Task ApplyAsync(CaseFile @case, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        await EnsureNotBeforeBezwaartermijnEndsAsync(@case, transition, ct);

        // Notifications are written after every other effect, so the letter a notification carries sees the decision
        // and the terms the same transition recorded (an ontvangstbevestiging names the beslistermijn started after it).
        var notifications = new List<(string To, string Template)>();
        foreach (var effect in transition.Effects)
        {
            switch (effect.Name)
            {
                case EffectCatalog.Route:
                    await RouteAsync(@case, effect, input, ct);
                    break;
                case EffectCatalog.StartDeadline:
                    await StartDeadlineAsync(@case, effect, input, ct);
                    break;
                case EffectCatalog.SuspendDeadline:
                    (await RunningDeadlineAsync(@case, Param(effect, "kind"), ct))?.SuspendForRequest(Today);
                    break;
                case EffectCatalog.ResumeDeadline:
                    var suspended = await OpenDeadlineAsync(@case, Param(effect, "kind"), ct);
                    if (suspended?.Status == DeadlineStatus.Suspended)
                    {
                        suspended.ResumeOnCompletion(Today, await calendars.GetAsync(db, ct));
                        SetDueInstants(suspended);
                    }

                    break;
                case EffectCatalog.StopDeadline:
                    StopDeadline(await OpenDeadlineAsync(@case, Param(effect, "kind"), ct));
                    break;
                case EffectCatalog.RecordDecision:
                    RecordDecision(@case, transition, effect, actor, input);
                    foreach (var consequence in decisionEffects)
                    {
                        await consequence.ApplyAsync(@case, Param(effect, "besluitType"), transition, actor, input, ct);
                    }

                    break;
                case EffectCatalog.SetResultaat:
                    // The transition itself carries the resultaat into the final state (CaseFile.TransitionTo).
                    break;
                case EffectCatalog.Notify:
                    notifications.Add((await ResolveTargetAsync(@case, Param(effect, "to"), null, input, ct), Param(effect, "template")));
                    break;
                case EffectCatalog.OpenLinkedCase:
                    await OpenLinkedCaseAsync(@case, effect, actor, ct);
                    break;
                default:
                    throw new InvalidOperationException($"Effect '{effect.Name}' has no handler; the definition format and the host disagree.");
            }
        }

        foreach (var (to, template) in notifications)
        {
            Guid? letter = null;
            foreach (var writer in letters)
            {
                letter ??= await writer.WriteAsync(@case, template, transition, actor, input, ct);
            }

            // Contract with delivery: "briefDocumentId" names the dossier document to attach to the message.
            var kenmerken = new Dictionary<string, string?> { ["ontvanger"] = to, ["sjabloon"] = template, ["actie"] = transition.ActionId };
            if (letter is { } id)
            {
                kenmerken["briefDocumentId"] = id.ToString();
            }

            Notify(@case, "notificatie", kenmerken);
        }
    }

    /// <summary>
    /// A besluit becomes onherroepelijk only after its bezwaartermijn ended (Awb 6:7, 6:8): the transition the term
    /// fires on expiry (afwijzingOnherroepelijk, bezwaartermijnVerstreken) is refused while the term still runs,
    /// whoever fires it.
    /// </summary>
    private async Task EnsureNotBeforeBezwaartermijnEndsAsync(CaseFile @case, Transition transition, CancellationToken ct)
    {
        var kind = TermKinds.Bezwaartermijn.Id;
        var open = await db.Deadlines.AsNoTracking()
            .Where(d => d.CaseId == @case.Id && d.KindId == kind && (d.Status == DeadlineStatus.Running || d.Status == DeadlineStatus.Suspended)
                && EF.Property<string?>(d, DeadlineConfiguration.OnExpiryAction) == transition.ActionId)
            .Select(d => d.CurrentDueDate)
            .ToListAsync(ct);
        if (open.Count > 0 && open.Max() >= Today)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "BEZWAARTERMIJN-LOOPT",
                $"Het besluit is nog niet onherroepelijk: de bezwaartermijn loopt tot en met {open.Max().ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}; tot dan kan bezwaar worden gemaakt.",
                "Awb art. 6:7 en 6:8 lid 1"));
        }
    }

    private DateOnly Today => AmsterdamClock.Today(time);

    private static string Param(EffectInstruction effect, string name) =>
        effect.Params.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException($"Effect '{effect.Name}' lacks parameter '{name}'.");

    private static string? OptionalParam(EffectInstruction effect, string name) =>
        effect.Params.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task RouteAsync(CaseFile @case, EffectInstruction effect, ActionInput input, CancellationToken ct)
    {
        var target = await ResolveTargetAsync(@case, Param(effect, "to"), OptionalParam(effect, "fromInput"), input, ct);
        @case.RouteTo(target, time.GetUtcNow());
    }

    /// <summary>Turns a route target (organisation code or case role) into an organisation code.</summary>
    public async Task<string> ResolveTargetAsync(CaseFile @case, string to, string? fromInput, ActionInput input, CancellationToken ct)
    {
        if (fromInput is not null)
        {
            var code = input.Data.TryGetValue(fromInput, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (string.IsNullOrWhiteSpace(code) || !await db.Organisations.AnyAsync(o => o.Code == code, ct))
            {
                throw new BusinessRuleViolationException(new BrokenRule("ORGANISATIE-ONBEKEND", $"'{code}' in '{fromInput}' is geen bekende organisatie.", "(ontwerpkeuze)"));
            }

            if (to == "lead-department")
            {
                @case.SetLeadDepartment(code, time.GetUtcNow());
            }

            return code;
        }

        var resolved = to switch
        {
            "initiator" => @case.OwningOrganisation,
            "loket" => "RVO",
            "lead-department" => @case.LeadDepartment,
            "committee" => @case.CaseType.StartsWith("vhf", StringComparison.Ordinal) ? "TC-VHF" : "TC-WBI",
            _ when RouteTargets.IsOrganisationCode(to) => to,
            _ => null,
        };
        foreach (var resolver in roleResolvers)
        {
            resolved ??= await resolver.ResolveAsync(@case, to, ct);
        }

        return resolved ?? throw new BusinessRuleViolationException(new BrokenRule(
            "ROL-ONBEKEND", $"Voor zaak {@case.Reference} is niet bekend wie '{to}' is; de zaak kan niet worden doorgezet.", "(ontwerpkeuze)"));
    }

    private async Task StartDeadlineAsync(CaseFile @case, EffectInstruction effect, ActionInput input, CancellationToken ct)
    {
        var kind = TermKinds.Get(Param(effect, "kind"));
        var existing = await OpenDeadlineAsync(@case, kind.Id, ct);
        if (existing is not null)
        {
            // A term of a kind runs once at a time; starting it again (e.g. a second herstelverzoek) ends the old one.
            existing.Stop();
        }

        TermStart? start = null;
        foreach (var resolver in termStarts)
        {
            start ??= await resolver.ResolveAsync(@case, kind, Today, ct);
        }

        // The authority sets a hersteltermijn per case (termijnDagen); a beslistermijn comes from the round, never from input.
        var length = start?.Length;
        if (start is null && kind.LengthIsConfigurable && kind.Id != TermKinds.Beslistermijn.Id
            && input.Data.TryGetValue("termijnDagen", out var days) && days.ValueKind == JsonValueKind.Number && days.TryGetInt32(out var n) && n > 0)
        {
            length = TermLength.Days(n);
        }

        // Awb 6:8 lid 1: the bezwaartermijn starts the day after the besluit is sent (bekendgemaakt), not the day it is
        // keyed in; Deadline.Start counts from the day after the event date. A verzenddatum in the future starts it then.
        if (start is null && kind.Id == TermKinds.Bezwaartermijn.Id && Verzenddatum(input) is { } sent)
        {
            start = new TermStart(sent, null, "Awb 6:8 lid 1");
        }

        int? warn = effect.Params.TryGetValue("warnDaysBefore", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : null;
        var deadline = Deadline.Start(@case.Id, kind, start?.EventDate ?? Today, await calendars.GetAsync(db, ct), length, warn);
        db.Deadlines.Add(deadline);
        db.Entry(deadline).Property(DeadlineConfiguration.OnExpiryAction).CurrentValue = OptionalParam(effect, "onExpiry");
        SetDueInstants(deadline);
    }

    /// <summary>The worker finds due rows by instant: expiry at the start of the day after the due date, warning at the start of the warning date.</summary>
    private void SetDueInstants(Deadline deadline)
    {
        var entry = db.Entry(deadline);
        entry.Property(DeadlineConfiguration.DueAt).CurrentValue = AmsterdamClock.StartOfNextDayUtc(deadline.CurrentDueDate);
        entry.Property(DeadlineConfiguration.WarnAt).CurrentValue = AmsterdamClock.StartOfDayUtc(deadline.WarningDate);
    }

    private void StopDeadline(Deadline? deadline)
    {
        if (deadline is null)
        {
            return;
        }

        if (Today < deadline.StartedOn)
        {
            // Acted on before the term began, e.g. a bezwaar against a besluit whose verzenddatum is still to come:
            // admissible all the same (Awb 6:10), but a term cannot be met before it started, so it stops.
            deadline.Stop();
        }
        else if (Today <= deadline.CurrentDueDate && deadline.Status == DeadlineStatus.Running)
        {
            deadline.MarkMet(Today);
        }
        else
        {
            deadline.Stop();
        }
    }

    /// <summary>
    /// The open deadline of a kind, as this unit of work sees it: rows loaded from the database are the
    /// tracked instances, so a deadline stopped earlier in the same transition is already closed here.
    /// </summary>
    private async Task<Deadline?> OpenDeadlineAsync(CaseFile @case, string kind, CancellationToken ct)
    {
        await db.Deadlines
            .Where(d => d.CaseId == @case.Id && d.KindId == kind && (d.Status == DeadlineStatus.Running || d.Status == DeadlineStatus.Suspended))
            .LoadAsync(ct);
        return db.ChangeTracker.Entries<Deadline>()
            .Select(e => e.Entity)
            .FirstOrDefault(d => d.CaseId == @case.Id && d.KindId == kind && !d.IsClosed);
    }

    private async Task<Deadline?> RunningDeadlineAsync(CaseFile @case, string kind, CancellationToken ct)
    {
        var deadline = await OpenDeadlineAsync(@case, kind, ct);
        return deadline?.Status == DeadlineStatus.Running ? deadline : null;
    }

    private static DateOnly? Verzenddatum(ActionInput input) =>
        input.Data.TryGetValue("verzenddatum", out var v) && v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private void RecordDecision(CaseFile @case, Transition transition, EffectInstruction effect, Actor actor, ActionInput input) =>
        db.Decisions.Add(CaseDecision.Record(Guid.NewGuid(), @case.Id, Param(effect, "besluitType"), transition.ActionId, Today, Verzenddatum(input), actor.UserId, input.Reason, time.GetUtcNow()));

    public void Notify(CaseFile @case, string actie, object kenmerken)
    {
        db.Outbox.Add(OutboxMessage.Create(
            Guid.NewGuid(),
            "zaken",
            $"/api/v1/cases/{@case.Id}",
            "zaak",
            $"/api/v1/cases/{@case.Id}",
            actie,
            time.GetUtcNow(),
            JsonSerializer.Serialize(kenmerken, JsonSerializerOptions.Web)));
    }

    private async Task OpenLinkedCaseAsync(CaseFile @case, EffectInstruction effect, Actor actor, CancellationToken ct)
    {
        var linked = await opener.OpenAsync(Param(effect, "definitionId"), @case.OwningOrganisation, @case.Title, actor, ct);
        db.CaseLinks.Add(new CaseLink(linked.Id, @case.Id, CaseLink.AfgeleidVan, time.GetUtcNow(), null));
    }
}

/// <summary>
/// What recording a besluit of a given type does beyond the besluit row, owned by the feature whose records it
/// changes (e.g. a toekenning commits the round's money). Applied inside <c>recordDecision</c>, in the same unit of
/// work; it must not save. Register as scoped: <c>services.AddScoped&lt;IDecisionEffect, MyEffect&gt;()</c>.
/// </summary>
public interface IDecisionEffect
{
    ValueTask ApplyAsync(CaseFile caseFile, string besluitType, Transition transition, Actor actor, ActionInput input, CancellationToken ct);
}

/// <summary>
/// Writes the letter a notification's template calls for and files it in the case's dossier in the same unit of work;
/// returns its document id, or null where the template has no letter. It must not save. Register as scoped.
/// </summary>
public interface ILetterWriter
{
    Task<Guid?> WriteAsync(CaseFile caseFile, string notifyTemplate, Transition transition, Actor actor, ActionInput input, CancellationToken ct);
}

/// <summary>Resolves case roles that only a feature knows (e.g. the rijksvertegenwoordiger's department of a focusgebied).</summary>
public interface ICaseRoleResolver
{
    Task<string?> ResolveAsync(Domain.Cases.CaseFile caseFile, string role, CancellationToken ct);
}

/// <summary>How a term runs for a case: from which day and for how long, where a feature knows better than the term kind.</summary>
/// <param name="EventDate">The event day the term counts from (it does not count itself).</param>
/// <param name="Length">The length, or null for the term kind's own.</param>
/// <param name="Source">Where the term comes from (the regeling's article, or the Awb).</param>
public sealed record TermStart(DateOnly EventDate, TermLength? Length, string Source);

/// <summary>
/// Gives the start and length of a term a feature governs (e.g. a round's beslistermijn); null leaves the term kind's
/// default (the transition's day, the kind's length). Register as scoped: <c>services.AddScoped&lt;ITermStartResolver, MyResolver&gt;()</c>.
/// </summary>
public interface ITermStartResolver
{
    Task<TermStart?> ResolveAsync(CaseFile caseFile, TermKind kind, DateOnly today, CancellationToken ct);
}
