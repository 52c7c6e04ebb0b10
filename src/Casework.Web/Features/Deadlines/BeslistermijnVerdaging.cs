using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Persistence.Configurations;
using Casework.Web.Workflow;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Deadlines;

/// <summary>A notice under Awb 4:14: the decision cannot be given within the term, and when it can be expected.</summary>
/// <param name="NewDueDate">The new date (yyyy-MM-dd) by which the decision can be expected: a date, not a duration.</param>
/// <param name="Reason">Why the term cannot be met, as told to the applicant.</param>
/// <param name="NotifiedOn">The day the notice goes to the applicant; today when left out. Never in the future.</param>
public sealed record VerdagingRequest(DateOnly? NewDueDate, string? Reason, DateOnly? NotifiedOn);

/// <summary>The routed organisation moves the case's beslistermijn to a new date by notice (Awb 4:14).</summary>
public sealed record PostponeBeslistermijnCommand(Guid CaseId, int ExpectedVersion, VerdagingRequest? Request) : ICommand<CaseDto>;

internal sealed class PostponeBeslistermijnValidator : AbstractValidator<PostponeBeslistermijnCommand>
{
    // Only what can be judged before knowing who asks; the rest is checked after access (an auditor or another
    // organisation is refused whatever it sends).
    public PostponeBeslistermijnValidator() => RuleFor(c => c.ExpectedVersion).IsCaseVersion();
}

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

internal static class BeslistermijnVerdagingEndpoints
{
    public static IEndpointRouteBuilder MapBeslistermijnVerdaging(this IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id:guid}/beslistermijn/verdaging", (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, VerdagingRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new PostponeBeslistermijnCommand(id, IfMatch.Required(ifMatch, "de zaak"), body), http, ct))
            .RequireAuthorization()
            .WithTags("Zaken")
            .WithName("postponeBeslistermijn")
            .WithSummary("De aanvrager meedelen dat de beslistermijn niet wordt gehaald, met een nieuwe datum (Awb 4:14); alleen de organisatie waar de zaak ligt, binnen de termijn")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);
        return api;
    }
}
