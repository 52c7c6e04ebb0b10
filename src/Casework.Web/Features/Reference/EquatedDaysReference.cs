using Casework.Domain.Access;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Deadlines;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Idempotency;
using Casework.Web.Persistence;
using Casework.Web.Persistence.Configurations;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Reference;

/// <summary>A besluit gelijkstelling (Algemene termijnenwet art. 3 lid 3): the years it covers and the days it equates.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">The besluit's title, cited as the source of each day.</param>
/// <param name="FirstYear">First year covered.</param>
/// <param name="LastYear">Last year covered (inclusive).</param>
/// <param name="Days">The days equated with an algemeen erkende feestdag.</param>
/// <param name="LegalSource">Always <c>Algemene termijnenwet art. 3 lid 3</c>.</param>
/// <param name="RecordedAt">When it was recorded in Casework.</param>
public sealed record EquatedDaysDecreeDto(Guid Id, string Title, int FirstYear, int LastYear, IReadOnlyList<DateOnly> Days, string LegalSource, DateTimeOffset RecordedAt);

/// <summary>A new besluit gelijkstelling, as published in the Staatscourant.</summary>
/// <param name="Title">The besluit's title, e.g. "Besluit gelijkstelling van 2 januari 2026, ... met een algemeen erkende feestdag".</param>
/// <param name="FirstYear">First year it covers.</param>
/// <param name="LastYear">Last year it covers (inclusive).</param>
/// <param name="Days">The days it equates (yyyy-MM-dd).</param>
/// <param name="Reason">Optional note for the audit trail (e.g. where it was published).</param>
public sealed record AddEquatedDaysDecreeRequest(string? Title, int? FirstYear, int? LastYear, IReadOnlyList<DateOnly>? Days, string? Reason);

public sealed record ListEquatedDaysDecreesQuery : IQuery<IReadOnlyList<EquatedDaysDecreeDto>>;

public sealed record GetEquatedDaysDecreeQuery(Guid Id) : IQuery<EquatedDaysDecreeDto>;

/// <summary>Records a besluit gelijkstelling (Beheerder) and moves the open terms that now end on one of its days.</summary>
public sealed record AddEquatedDaysDecreeCommand(AddEquatedDaysDecreeRequest? Request) : ICommand<EquatedDaysDecreeDto>;

internal sealed class AddEquatedDaysDecreeValidator : AbstractValidator<AddEquatedDaysDecreeCommand>
{
    public const int MaxDays = 50;

    public AddEquatedDaysDecreeValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het besluit gelijkstelling als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.Title).NotEmpty().MaximumLength(400).OverridePropertyName("title")
                .WithMessage("Geef de titel van het besluit gelijkstelling (ten hoogste 400 tekens), zoals in de Staatscourant.");
            RuleFor(c => c.Request!.FirstYear).NotNull().InclusiveBetween(1900, 9000).OverridePropertyName("firstYear")
                .WithMessage("Geef het eerste jaar waarvoor het besluit geldt (1900-9000).");
            RuleFor(c => c.Request!.LastYear).NotNull().InclusiveBetween(1900, 9000).OverridePropertyName("lastYear")
                .WithMessage("Geef het laatste jaar waarvoor het besluit geldt (1900-9000).");
            RuleFor(c => c.Request!.Days).NotEmpty().OverridePropertyName("days")
                .WithMessage("Geef de gelijkgestelde dagen (jjjj-mm-dd).");
            RuleFor(c => c.Request!.Days).Must(d => d is null || d.Count <= MaxDays).OverridePropertyName("days")
                .WithMessage($"Ten hoogste {MaxDays} dagen per besluit.");
            RuleFor(c => c.Request!.Days).Must(d => d is null || d.Distinct().Count() == d.Count).OverridePropertyName("days")
                .WithMessage("Een dag staat meer dan eens in het besluit.");
            RuleFor(c => c.Request!.Reason).MaximumLength(2000).OverridePropertyName("reason");
        });
    }
}

internal sealed class EquatedDaysHandlers(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time) :
    IQueryHandler<ListEquatedDaysDecreesQuery, IReadOnlyList<EquatedDaysDecreeDto>>,
    IQueryHandler<GetEquatedDaysDecreeQuery, EquatedDaysDecreeDto>,
    ICommandHandler<AddEquatedDaysDecreeCommand, EquatedDaysDecreeDto>
{
    /// <summary>One audit stream for the reference data of the legal clock.</summary>
    public const string Stream = "reference:gelijkgestelde-dagen";

    public async ValueTask<IReadOnlyList<EquatedDaysDecreeDto>> Handle(ListEquatedDaysDecreesQuery query, CancellationToken cancellationToken)
    {
        var decrees = await db.EquatedDaysDecrees.AsNoTracking().ToListAsync(cancellationToken);
        return decrees.OrderBy(d => d.FirstYear).ThenBy(d => d.Title, StringComparer.Ordinal).Select(ToDto).ToList();
    }

    public async ValueTask<EquatedDaysDecreeDto> Handle(GetEquatedDaysDecreeQuery query, CancellationToken cancellationToken)
    {
        var decree = await db.EquatedDaysDecrees.AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("Het besluit gelijkstelling");
        return ToDto(decree);
    }

    public async ValueTask<EquatedDaysDecreeDto> Handle(AddEquatedDaysDecreeCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.Roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een Beheerder mag een besluit gelijkstelling vastleggen.");
        }

        var request = command.Request!;
        var existing = new EquatedDays(await db.EquatedDaysDecrees.AsNoTracking().ToListAsync(cancellationToken));
        var decree = EquatedDaysDecree.Record(
            Guid.NewGuid(), request.Title!, request.FirstYear!.Value, request.LastYear!.Value, request.Days!, existing, time.GetUtcNow(), actor.UserId);
        db.EquatedDaysDecrees.Add(decree);
        await audit.AppendAsync(Stream, actor, "gelijkstelling.vastgelegd", "besluitGelijkstelling", decree.Id.ToString(), "ok", null,
            new { titel = decree.Title, eersteJaar = decree.FirstYear, laatsteJaar = decree.LastYear, dagen = decree.Days.Select(d => d.Date).ToList(), bron = EquatedDaysDecree.Source },
            request.Reason, cancellationToken);
        await MoveOpenTermsAsync(decree, new DutchCalendar(new EquatedDays([.. existing.Decrees, decree])), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(decree);
    }

    /// <summary>
    /// A running term whose end (or, for Atw art. 2, whose span) meets a newly equated day is computed again on the new
    /// calendar; each one that moves is audited on its case. A closed term stays as it was decided.
    /// </summary>
    private async Task MoveOpenTermsAsync(EquatedDaysDecree decree, DutchCalendar calendar, CancellationToken ct)
    {
        var first = decree.Days.Min(d => d.Date);
        var last = decree.Days.Max(d => d.Date);
        var candidates = await db.Deadlines
            .Where(d => (d.Status == DeadlineStatus.Running || d.Status == DeadlineStatus.Suspended) && d.FirstDay <= last && d.CurrentDueDate >= first)
            .ToListAsync(ct);
        foreach (var deadline in candidates)
        {
            var before = deadline.CurrentDueDate;
            if (!deadline.ReapplyAtw(calendar))
            {
                continue;
            }

            var entry = db.Entry(deadline);
            entry.Property(DeadlineConfiguration.DueAt).CurrentValue = AmsterdamClock.StartOfNextDayUtc(deadline.CurrentDueDate);
            entry.Property(DeadlineConfiguration.WarnAt).CurrentValue = AmsterdamClock.StartOfDayUtc(deadline.WarningDate);
            await audit.AppendAsync(AuditTrail.CaseStream(deadline.CaseId), current.Actor, "termijn.herberekend", "termijn", deadline.Id.ToString(), "ok",
                new { termijn = deadline.KindId, uiterlijkeDatum = before },
                new { termijn = deadline.KindId, uiterlijkeDatum = deadline.CurrentDueDate, bron = EquatedDaysDecree.Source, besluit = decree.Title },
                "gelijkgesteld met een algemeen erkende feestdag, " + decree.Title, ct);
        }
    }

    private static EquatedDaysDecreeDto ToDto(EquatedDaysDecree d) =>
        new(d.Id, d.Title, d.FirstYear, d.LastYear, d.Days.Select(x => x.Date).Order().ToList(), EquatedDaysDecree.Source, d.RecordedAt);
}

internal static class EquatedDaysEndpoints
{
    public const string Path = "/reference/gelijkgestelde-dagen";

    /// <summary>The reads are public reference data, like the other reference lists.</summary>
    public static RouteGroupBuilder MapEquatedDaysReads(this RouteGroupBuilder group)
    {
        group.MapGet("/gelijkgestelde-dagen", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListEquatedDaysDecreesQuery(), ct))
            .WithName("listGelijkgesteldeDagen")
            .WithSummary("De besluiten gelijkstelling (Algemene termijnenwet art. 3 lid 3): per besluit de jaren en de dagen die met een algemeen erkende feestdag zijn gelijkgesteld")
            .Produces<IReadOnlyList<EquatedDaysDecreeDto>>();

        group.MapGet("/gelijkgestelde-dagen/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetEquatedDaysDecreeQuery(id), ct))
            .WithName("getGelijkgesteldeDagen")
            .WithSummary("Eén besluit gelijkstelling met zijn jaren en dagen")
            .Produces<EquatedDaysDecreeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>Adding a besluit is for a Beheerder.</summary>
    public static IEndpointRouteBuilder MapEquatedDaysAdministration(this IEndpointRouteBuilder api)
    {
        api.MapPost(Path, async (AddEquatedDaysDecreeRequest? body, IMediator mediator, LegalCalendar calendar, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new AddEquatedDaysDecreeCommand(body), ct);

                // Committed by now (the command's transaction ends inside Send): the next term uses the new days.
                calendar.Invalidate();
                return TypedResults.Created($"{ApiVersion.BasePath}{Path}/{dto.Id}", dto);
            })
            .RequireAuthorization()
            .WithIdempotencyKey()
            .WithTags("Referentiegegevens")
            .WithName("addGelijkgesteldeDagen")
            .WithSummary("Een besluit gelijkstelling vastleggen (Beheerder): lopende termijnen die op een van de dagen eindigen, schuiven door")
            .Produces<EquatedDaysDecreeDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);
        return api;
    }
}
