using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Persistence.Configurations;
using Casework.Web.Features.Workflows;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Deadlines;

internal sealed class PostponeBeslistermijnHandler(
    CaseworkDbContext db, ICurrentActor current, CaseActionPath path, CaseTransitions transitions, AuditTrail audit, LegalCalendar calendars, TimeProvider time)
    : ICommandHandler<PostponeBeslistermijnCommand, CaseDto>
{
    public const string Source = "Awb 4:14 lid 1";

    public async ValueTask<CaseDto> Handle(PostponeBeslistermijnCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.CaseId, actor, cancellationToken);
        CaseAccess.EnsureMayWrite(actor);
        if (caseFile.RoutedTo is null || caseFile.RoutedTo != actor.Organisation)
        {
            throw ApiProblemException.Of(
                ProblemTypes.Forbidden,
                $"Alleen de organisatie waar de zaak nu ligt ({caseFile.RoutedTo ?? "niemand"}) mag de aanvrager meedelen dat de beslistermijn niet wordt gehaald ({Source}).");
        }

        CaseActionPath.EnsureVersion(caseFile, command.ExpectedVersion);
        var today = AmsterdamClock.Today(time);
        var (newDate, reason, notifiedOn) = Validate(command.Request, today);

        var deadlines = await db.Deadlines.Where(d => d.CaseId == caseFile.Id && d.KindId == TermKinds.Beslistermijn.Id).ToListAsync(cancellationToken);
        var deadline = deadlines.FirstOrDefault(d => !d.IsClosed) ?? deadlines.OrderByDescending(d => d.StartedOn).FirstOrDefault()
            ?? throw new Domain.Common.BusinessRuleViolationException(new Domain.Common.BrokenRule(
                "VERDAGING-GEEN-BESLISTERMIJN", "Voor deze zaak loopt geen beslistermijn; er valt niets te verdagen.", Source));

        var before = deadline.CurrentDueDate;
        deadline.PostponeByNotice(newDate, reason, notifiedOn, await calendars.GetAsync(db, cancellationToken));

        var entry = db.Entry(deadline);
        entry.Property(DeadlineConfiguration.DueAt).CurrentValue = AmsterdamClock.StartOfNextDayUtc(deadline.CurrentDueDate);
        entry.Property(DeadlineConfiguration.WarnAt).CurrentValue = AmsterdamClock.StartOfDayUtc(deadline.WarningDate);

        // The warning was for the old date; the new one gets its own.
        entry.Property(DeadlineConfiguration.WarnedAt).CurrentValue = null;
        caseFile.Touch(time.GetUtcNow());

        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "beslistermijn.verdaagd", "termijn", deadline.Id.ToString(), "ok",
            new { termijn = deadline.KindId, uiterlijkeDatum = before },
            new { termijn = deadline.KindId, uiterlijkeDatum = deadline.CurrentDueDate, genoemdeDatum = newDate, medegedeeldOp = notifiedOn, bron = Source },
            reason, cancellationToken);
        db.Outbox.Add(OutboxMessage.Create(
            Guid.NewGuid(),
            "zaken",
            $"/api/v1/cases/{caseFile.Id}",
            "zaak",
            $"/api/v1/cases/{caseFile.Id}",
            "beslistermijn-verdaagd",
            time.GetUtcNow(),
            JsonSerializer.Serialize(new { ontvanger = caseFile.OwningOrganisation, sjabloon = "verdaging-beslistermijn", uiterlijkeDatum = deadline.CurrentDueDate, reden = reason, bron = Source }, JsonSerializerOptions.Web)));
        await path.SaveAsync(caseFile, command.ExpectedVersion, cancellationToken);
        return await FireActionHandler.RespondAsync(db, transitions, caseFile, actor, time, cancellationToken);
    }

    private static (DateOnly NewDate, string Reason, DateOnly NotifiedOn) Validate(VerdagingRequest? request, DateOnly today)
    {
        var failures = new List<ValidationFailure>();
        if (request?.NewDueDate is null)
        {
            failures.Add(new("newDueDate", "Geef de nieuwe datum (jjjj-mm-dd) waarop het besluit tegemoet kan worden gezien."));
        }

        if (string.IsNullOrWhiteSpace(request?.Reason) || request.Reason.Length > 4000)
        {
            failures.Add(new("reason", "Geef de reden waarom de beslistermijn niet wordt gehaald (ten hoogste 4000 tekens); de aanvrager krijgt die te lezen."));
        }

        if (request?.NotifiedOn is { } notified && notified > today)
        {
            failures.Add(new("notifiedOn", "De mededeling kan niet in de toekomst zijn gedaan."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return (request!.NewDueDate!.Value, request.Reason!.Trim(), request.NotifiedOn ?? today);
    }
}
