using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

public sealed record PlanMeetingCommand(string Body, DateOnly? Date, DateOnly? CutOffDate, string? Title) : ICommand<MeetingDto>;

public sealed record GenerateCalendarCommand(string Body, DateOnly? FromDate, DateOnly? UntilDate) : ICommand<CalendarDto>;

public sealed record AddAgendaItemCommand(Guid MeetingId, Guid? CaseId, string? LateReason) : ICommand<AgendaItemDto>;

public sealed record RecordDecisionCommand(Guid MeetingId, Guid ItemId, string? Action, string Besluit, string? Reason, IReadOnlyDictionary<string, JsonElement> Data, IReadOnlyList<ActionItemRequest> ActionItems) : ICommand<AgendaItemDto>;

public sealed record CloseMeetingCommand(Guid MeetingId) : ICommand<MeetingDto>;

internal sealed class PlanMeetingValidator : AbstractValidator<PlanMeetingCommand>
{
    public PlanMeetingValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(64).Must(MeetingBodies.IsKnown).WithMessage("Het gremium is SBSD, BRSD, BO of een alliantie (ALLIANTIE-...).");
        RuleFor(c => c.Date).NotNull().WithMessage("Geef de vergaderdatum.");
        RuleFor(c => c.CutOffDate).LessThanOrEqualTo(c => c.Date).When(c => c.CutOffDate is not null && c.Date is not null).WithMessage("De agenda sluit uiterlijk op de vergaderdatum.");
        RuleFor(c => c.Title).MaximumLength(300);
    }
}

internal sealed class GenerateCalendarValidator : AbstractValidator<GenerateCalendarCommand>
{
    public GenerateCalendarValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(64).Must(MeetingBodies.IsKnown).WithMessage("Het gremium is SBSD, BRSD, BO of een alliantie (ALLIANTIE-...).");
        RuleFor(c => c.FromDate).NotNull().WithMessage("Geef de eerste vergaderdatum (fromDate).");
        RuleFor(c => c.UntilDate).NotNull().WithMessage("Geef het einde van de periode (untilDate).");
        RuleFor(c => c.UntilDate).GreaterThanOrEqualTo(c => c.FromDate).When(c => c.FromDate is not null && c.UntilDate is not null).WithMessage("untilDate ligt voor fromDate.");
        RuleFor(c => c.UntilDate).LessThanOrEqualTo(c => c.FromDate!.Value.AddYears(3)).When(c => c.FromDate is not null && c.UntilDate is not null).WithMessage("Een kalender beslaat hoogstens drie jaar.");
    }
}

internal sealed class AddAgendaItemValidator : AbstractValidator<AddAgendaItemCommand>
{
    public AddAgendaItemValidator()
    {
        RuleFor(c => c.CaseId).NotNull().WithMessage("Geef de zaak (caseId) die op de agenda komt.");
        RuleFor(c => c.LateReason).MaximumLength(4000);
    }
}

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Action).MaximumLength(64).Matches("^[a-zA-Z][a-zA-Z0-9-]*$").When(c => c.Action is not null).WithMessage("De actie is geen geldige actie-id.");
        RuleFor(c => c.Besluit).NotEmpty().WithMessage("Geef de tekst van het besluit voor de besluitenlijst.").MaximumLength(8000);
        RuleFor(c => c.Reason).MaximumLength(4000);
        RuleFor(c => c.Data.Count).LessThanOrEqualTo(50).OverridePropertyName("data");
        RuleFor(c => c.ActionItems.Count).LessThanOrEqualTo(50).OverridePropertyName("actionItems");
        RuleForEach(c => c.ActionItems).ChildRules(a =>
        {
            a.RuleFor(x => x.Description).NotEmpty().WithMessage("Beschrijf het actiepunt.").MaximumLength(2000);
            a.RuleFor(x => x.Owner).NotEmpty().WithMessage("Geef de eigenaar van het actiepunt.").MaximumLength(128);
            a.RuleFor(x => x.DueDate).NotNull().WithMessage("Geef de uiterste datum van het actiepunt.");
        });
    }
}

internal static class MeetingAccess
{
    /// <summary>The body's own secretary plans and runs its meetings; a functional administrator may plan calendars.</summary>
    public static void EnsureSecretaryOf(Actor actor, string body, bool administratorMay = false)
    {
        CaseAccess.EnsureMayWrite(actor);
        var secretary = actor.Organisation == body && actor.Roles.Contains(Role.Secretaris);
        if (!secretary && !(administratorMay && actor.Roles.Contains(Role.Beheerder)))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Alleen het secretariaat van {MeetingBodies.DisplayName(body)} mag dit doen.");
        }
    }

    public static async Task<Meeting> LoadAsync(CaseworkDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Meeting>().Include(m => m.Items).ThenInclude(i => i.ActionItems).FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw ApiProblemException.NotFound("De vergadering");

    /// <summary>"Strategisch Beraad Sociaal Domein van 10 december 2026": what a person calls the meeting.</summary>
    public static string DefaultTitle(string body, DateOnly date) => $"{MeetingBodies.DisplayName(body)} van {Pages.NlFormat.Date(date)}";

    public static async Task EnsureBodyExistsAsync(CaseworkDbContext db, string body, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Code == body, ct))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("body", $"'{body}' is geen bekend gremium.")]);
        }
    }

    /// <summary>The next planned meeting of the body after a date; planned from the body's rhythm when none exists yet.</summary>
    public static async Task<Meeting> NextMeetingAsync(CaseworkDbContext db, string body, DateOnly after, DateTimeOffset now, CancellationToken ct)
    {
        var next = await db.Set<Meeting>().Include(m => m.Items).Where(m => m.BodyCode == body && m.Status == MeetingStatus.Gepland && m.Date > after).OrderBy(m => m.Date).FirstOrDefaultAsync(ct);
        if (next is not null)
        {
            return next;
        }

        var date = DutchCalendar.HolidaysOnly.OnOrNextWorkingDay(MeetingBodies.Rhythm(body).Next(after));
        next = Meeting.Plan(Guid.NewGuid(), body, DefaultTitle(body, date), date, MeetingBodies.CutOffFor(body, date), now);
        db.Set<Meeting>().Add(next);
        return next;
    }
}

internal sealed class PlanMeetingHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<PlanMeetingCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(PlanMeetingCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        MeetingAccess.EnsureSecretaryOf(actor, command.Body, administratorMay: true);
        await MeetingAccess.EnsureBodyExistsAsync(db, command.Body, cancellationToken);
        var date = command.Date!.Value;
        if (date < AmsterdamClock.Today(time))
        {
            // A meeting is planned ahead: its agenda, cut-off and decisions follow from the date. A meeting that was
            // held without being planned here is entered with today's date or later, never silently in the past.
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("date", $"Een vergadering plant u vooruit: kies vandaag ({Pages.NlFormat.Date(AmsterdamClock.Today(time))}) of later.")]);
        }

        var meeting = Meeting.Plan(Guid.NewGuid(), command.Body, string.IsNullOrWhiteSpace(command.Title) ? MeetingAccess.DefaultTitle(command.Body, date) : command.Title, date, command.CutOffDate ?? MeetingBodies.CutOffFor(command.Body, date), time.GetUtcNow());
        db.Set<Meeting>().Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return MeetingMapping.ToDto(meeting, _ => true);
    }
}

/// <summary>Plans the meetings of a body over a period from its rhythm; dates that already have a meeting are kept, so repeating it is harmless.</summary>
internal sealed class GenerateCalendarHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<GenerateCalendarCommand, CalendarDto>
{
    public async ValueTask<CalendarDto> Handle(GenerateCalendarCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        MeetingAccess.EnsureSecretaryOf(actor, command.Body, administratorMay: true);
        await MeetingAccess.EnsureBodyExistsAsync(db, command.Body, cancellationToken);
        var from = command.FromDate!.Value;
        var until = command.UntilDate!.Value;
        var existing = await db.Set<Meeting>().Where(m => m.BodyCode == command.Body && m.Date >= from && m.Date <= until).Select(m => m.Date).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var created = 0;
        foreach (var date in MeetingBodies.Calendar(command.Body, from, until).Where(d => !existing.Contains(d)))
        {
            db.Set<Meeting>().Add(Meeting.Plan(Guid.NewGuid(), command.Body, MeetingAccess.DefaultTitle(command.Body, date), date, MeetingBodies.CutOffFor(command.Body, date), now));
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var meetings = await db.Set<Meeting>().AsNoTracking().Include(m => m.Items).Where(m => m.BodyCode == command.Body && m.Date >= from && m.Date <= until).OrderBy(m => m.Date).ToListAsync(cancellationToken);
        return new CalendarDto(command.Body, created, meetings.Select(MeetingMapping.ToSummary).ToList());
    }
}

/// <summary>
/// Puts a case on a meeting's agenda. The case must be visible to the secretary and in a state the body can
/// take up (see <see cref="BodyAgenda"/>); when the definition has an agendering action for the body
/// (e.g. <c>agenderenSbsd</c>) it is fired in the same transaction.
/// </summary>
internal sealed class AddAgendaItemHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, AuditTrail audit, TimeProvider time) : ICommandHandler<AddAgendaItemCommand, AgendaItemDto>
{
    public async ValueTask<AgendaItemDto> Handle(AddAgendaItemCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var meeting = await MeetingAccess.LoadAsync(db, command.MeetingId, cancellationToken);
        MeetingAccess.EnsureSecretaryOf(actor, meeting.BodyCode);
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.CaseId!.Value, actor, cancellationToken);
        var definition = transitions.DefinitionOf(caseFile);
        if (!BodyAgenda.CanGoOnAgenda(caseFile, definition, meeting.BodyCode))
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "ZAAK-NIET-AGENDEERBAAR", $"Zaak {caseFile.Reference} ({caseFile.StateLabel}) kan nu niet op de agenda van {MeetingBodies.DisplayName(meeting.BodyCode)}.", "(ontwerpkeuze)"));
        }

        var today = AmsterdamClock.Today(time);
        var now = time.GetUtcNow();
        var item = meeting.AddItem(Guid.NewGuid(), caseFile.Id, caseFile.Reference, today, now, actor.UserId, command.LateReason);
        if (!MeetingBodies.IsAlliance(meeting.BodyCode) && BodyAgenda.AgenderingAction(definition, caseFile.State, meeting.BodyCode) is { } agendering)
        {
            var data = new Dictionary<string, JsonElement> { [BodyAgenda.MeetingField] = JsonSerializer.SerializeToElement(meeting.Id.ToString()) };
            await transitions.FireAsync(caseFile, actor, agendering.Id, new ActionInput(command.LateReason, data), cancellationToken);
        }

        caseFile.PlaceWithBody(meeting.BodyCode, now);
        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id), actor, "agenda.geagendeerd", "agendapunt", item.Id.ToString(), "ok", null,
            new { vergadering = meeting.Id, gremium = meeting.BodyCode, datum = meeting.Date, na_sluiting = item.LateReason is not null },
            command.LateReason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return MeetingMapping.ToDto(item);
    }
}

/// <summary>
/// Records the decision on an agenda item (a line of the besluitenlijst) and fires the case's workflow action
/// (e.g. <c>sbsdEscaleren</c>) through <see cref="CaseTransitions"/>, with the action items, in one transaction:
/// either the besluitenlijst and the case both change, or neither does.
/// </summary>
internal sealed class RecordDecisionHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, TimeProvider time) : ICommandHandler<RecordDecisionCommand, AgendaItemDto>
{
    private const string NoActionDecision = "kennisgenomen";

    public async ValueTask<AgendaItemDto> Handle(RecordDecisionCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var meeting = await MeetingAccess.LoadAsync(db, command.MeetingId, cancellationToken);
        MeetingAccess.EnsureSecretaryOf(actor, meeting.BodyCode);
        var item = meeting.Items.FirstOrDefault(i => i.Id == command.ItemId) ?? throw ApiProblemException.NotFound("Het agendapunt");
        var caseFile = await CaseAccess.LoadVisibleAsync(db, item.CaseId, actor, cancellationToken);
        var today = AmsterdamClock.Today(time);
        var now = time.GetUtcNow();
        if (command.Action is { } action)
        {
            await transitions.FireAsync(caseFile, actor, action, new ActionInput(command.Reason, command.Data), cancellationToken);
        }
        else if (!MeetingBodies.IsAlliance(meeting.BodyCode))
        {
            // SBSD, BRSD and BO decide on a case: their decision always moves it on.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("action", "Noem de actie van de workflow die dit besluit uitvoert (bijvoorbeeld sbsdEscaleren).")]);
        }

        meeting.Decide(item.Id, command.Action ?? NoActionDecision, command.Besluit, today, now, actor.UserId);
        foreach (var a in command.ActionItems)
        {
            item.AddActionItem(Guid.NewGuid(), a.Description!, a.Owner!, a.DueDate!.Value);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ApiProblemException.Of(ProblemTypes.ConcurrencyConflict, $"Zaak {caseFile.Reference} is intussen gewijzigd. Haal de vergadering opnieuw op en probeer het nog eens.");
        }

        return MeetingMapping.ToDto(item);
    }
}

/// <summary>
/// Closes a held meeting. Items not handled move to the next meeting of the same body (planned from the rhythm
/// if none is planned yet): the new item points at the old one and the old one at the new, and the case's audit
/// trail records the move. An item whose case has meanwhile left this body's hands (decided outside the
/// meeting, closed) stays open on the closed meeting rather than moving: there is nothing left to decide.
/// </summary>
internal sealed class CloseMeetingHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, AuditTrail audit, TimeProvider time) : ICommandHandler<CloseMeetingCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(CloseMeetingCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var meeting = await MeetingAccess.LoadAsync(db, command.MeetingId, cancellationToken);
        MeetingAccess.EnsureSecretaryOf(actor, meeting.BodyCode);
        var today = AmsterdamClock.Today(time);
        var now = time.GetUtcNow();
        var unhandled = meeting.Close(today, now);
        if (unhandled.Count > 0)
        {
            var next = await MeetingAccess.NextMeetingAsync(db, meeting.BodyCode, meeting.Date, now, cancellationToken);
            foreach (var item in unhandled)
            {
                var caseFile = await db.Cases.FirstAsync(c => c.Id == item.CaseId, cancellationToken);
                if (!BodyAgenda.CanGoOnAgenda(caseFile, transitions.DefinitionOf(caseFile), meeting.BodyCode))
                {
                    continue;
                }

                var moved = next.AddItem(Guid.NewGuid(), item.CaseId, item.CaseReference, today, now, actor.UserId, null, previousItemId: item.Id);
                item.MovedTo(moved.Id);
                await audit.AppendAsync(
                    AuditTrail.CaseStream(item.CaseId), actor, "agenda.doorgeschoven", "agendapunt", moved.Id.ToString(), "ok",
                    new { vergadering = meeting.Id, datum = meeting.Date, agendapunt = item.Id },
                    new { vergadering = next.Id, datum = next.Date, agendapunt = moved.Id },
                    "Niet behandeld; doorgeschoven naar de volgende vergadering.", cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return MeetingMapping.ToDto(meeting, _ => true);
    }
}

internal static class MeetingMapping
{
    public static MeetingSummaryDto ToSummary(Meeting m) => new(m.Id, m.BodyCode, MeetingBodies.DisplayName(m.BodyCode), m.Title, m.Date, m.CutOffDate, m.Status, m.Items.Count);

    public static MeetingDto ToDto(Meeting m, Func<Guid, bool> caseVisible) => new(
        m.Id, m.BodyCode, MeetingBodies.DisplayName(m.BodyCode), m.Title, m.Date, m.CutOffDate, m.Status, m.ClosedAt,
        m.Items.Where(i => caseVisible(i.CaseId)).OrderBy(i => i.Sequence).Select(ToDto).ToList());

    public static AgendaItemDto ToDto(AgendaItem i) => new(
        i.Id, i.MeetingId, i.Sequence, i.CaseId, i.CaseReference, i.Status, i.AddedAt, i.AddedBy, i.LateReason, i.PreviousItemId, i.NextItemId,
        i.DecisionActionId, i.Besluit, i.DecidedAt, i.DecidedBy,
        i.ActionItems.Select(a => new ActionItemDto(a.Id, a.Description, a.Owner, a.DueDate)).ToList());
}
