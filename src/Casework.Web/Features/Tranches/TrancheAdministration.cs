using System.Text.Json;
using System.Text.Json.Nodes;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Idempotency;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

public sealed record TieBreakRequest(IReadOnlyList<Guid>? Order);

public sealed record OrderTiesCommand(Guid TrancheId, TieBreakRequest? Request) : ICommand<IReadOnlyList<RankingEntryDto>>;

public sealed record AllocationProposalDto(Guid ApplicationId, string Reference, string Gemeente, int Position, decimal RequestedAmount, decimal ProposedAmount, string Outcome, string? Reason);

public sealed record ProposeAllocationQuery(Guid TrancheId) : IQuery<IReadOnlyList<AllocationProposalDto>>;

/// <summary>
/// Announces a round as data: a new name, window, ceiling and the rule set of an earlier round of the same
/// regeling with top-level overrides (camelCase rule-set properties, e.g. <c>minimumHomes</c>).
/// </summary>
public sealed record AnnounceTrancheRequest(
    Guid BasedOnTrancheId,
    string? Name,
    DateOnly? AnnouncedOnDate,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    decimal Ceiling,
    JsonObject? RuleSetOverrides,
    string? Notes);

public sealed record AnnounceTrancheCommand(AnnounceTrancheRequest? Request) : ICommand<TrancheDto>;

public sealed record ChangeCeilingRequest(decimal Ceiling, string? Reason);

public sealed record ChangeCeilingCommand(Guid TrancheId, ChangeCeilingRequest? Request) : ICommand<TrancheDto>;

public sealed record RescheduleTrancheRequest(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, string? Reason);

public sealed record RescheduleTrancheCommand(Guid TrancheId, RescheduleTrancheRequest? Request) : ICommand<TrancheDto>;

internal sealed class OrderTiesValidator : AbstractValidator<OrderTiesCommand>
{
    public OrderTiesValidator() =>
        RuleFor(c => c.Request!.Order).NotEmpty().OverridePropertyName("order").WithMessage("Geef de volgorde van de gelijk geëindigde aanvragen (order).")
            .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("Een aanvraag staat meer dan eens in de volgorde.");
}

internal sealed class AnnounceTrancheValidator : AbstractValidator<AnnounceTrancheCommand>
{
    public AnnounceTrancheValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de ronde als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.BasedOnTrancheId).NotEmpty().OverridePropertyName("basedOnTrancheId")
                .WithMessage("Noem de eerdere ronde waarvan de nieuwe ronde de regels overneemt (basedOnTrancheId).");
            // A message per check: FluentValidation's WithMessage applies to the check just before it only.
            const string NameRule = "Geef de ronde een naam van ten hoogste 32 letters, cijfers of streepjes, bijvoorbeeld T7.";
            RuleFor(c => c.Request!.Name).NotEmpty().WithMessage(NameRule).MaximumLength(32).WithMessage(NameRule).Matches("^[A-Za-z0-9-]+$").WithMessage(NameRule).OverridePropertyName("name");
            const string CeilingRule = "Het plafond is een bedrag boven nul, in hele centen.";
            RuleFor(c => c.Request!.Ceiling).GreaterThan(0).WithMessage(CeilingRule).Must(v => decimal.Round(v, 2) == v).WithMessage(CeilingRule).OverridePropertyName("ceiling");
            RuleFor(c => c.Request!.ClosesAt).GreaterThan(c => c.Request!.OpensAt).When(c => c.Request!.OpensAt is not null && c.Request.ClosesAt is not null)
                .OverridePropertyName("closesAt").WithMessage("Het tijdvak sluit na de opening.");
            RuleFor(c => c.Request!.Notes).MaximumLength(2000).OverridePropertyName("notes");
        });
    }
}

internal sealed class ChangeCeilingValidator : AbstractValidator<ChangeCeilingCommand>
{
    public ChangeCeilingValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het nieuwe plafond als JSON.");
        RuleFor(c => c.Request!.Ceiling).GreaterThanOrEqualTo(0).Must(v => decimal.Round(v, 2) == v).When(c => c.Request is not null).OverridePropertyName("ceiling");
        RuleFor(c => c.Request!.Reason).NotEmpty().WithMessage("Geef de reden van de wijziging (bijvoorbeeld het besluit dat het plafond verhoogt).")
            .MaximumLength(2000).WithMessage("De reden is ten hoogste 2000 tekens.").When(c => c.Request is not null).OverridePropertyName("reason");
    }
}

internal sealed class RescheduleTrancheValidator : AbstractValidator<RescheduleTrancheCommand>
{
    public RescheduleTrancheValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het nieuwe tijdvak als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.OpensAt).NotNull().OverridePropertyName("opensAt").WithMessage("Geef de nieuwe opening van het tijdvak.");
            RuleFor(c => c.Request!.ClosesAt).GreaterThan(c => c.Request!.OpensAt).When(c => c.Request!.OpensAt is not null && c.Request.ClosesAt is not null)
                .OverridePropertyName("closesAt").WithMessage("Het tijdvak sluit na de opening.");
            RuleFor(c => c.Request!.Reason).NotEmpty().WithMessage("Geef de reden van de verschuiving.")
                .MaximumLength(2000).WithMessage("De reden is ten hoogste 2000 tekens.").OverridePropertyName("reason");
        });
    }
}

internal static class RankingQueries
{
    public static async Task<IReadOnlyList<RankingEntryDto>> EntriesAsync(CaseworkDbContext db, Guid trancheId, CancellationToken ct)
    {
        var ranking = await RoundRanking.LoadAsync(db, trancheId, ct);
        var ids = ranking.Applications.Select(a => Guid.Parse(a.ApplicationReference)).ToList();
        var rows = await db.Set<FundingApplication>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.Id, a.ProjectName, a.AwardedAmount, c.Reference, c.State })
            .ToDictionaryAsync(x => x.Id, ct);
        return ranking.Applications.Select(r =>
        {
            var row = rows[Guid.Parse(r.ApplicationReference)];
            return new RankingEntryDto(r.Position, row.Id, row.Reference, r.GemeenteCbsCode, row.ProjectName, r.RequestedAmount.Euros, r.TotalScore, r.TieUnresolved, row.State, row.AwardedAmount?.Euros)
            {
                PriorityPoints = r.Candidate.PriorityPoints,
                RankingScore = r.RankingScore,
                PriorityBudget = r.Candidate.QualifiesForPriorityBudget,
            };
        }).ToList();
    }
}

internal sealed class TrancheAdministrationHandlers(CaseworkDbContext db, ICurrentActor current, Applications.RoundLedger ledger, AuditTrail audit, TimeProvider time, IMediator mediator) :
    ICommandHandler<OrderTiesCommand, IReadOnlyList<RankingEntryDto>>,
    IQueryHandler<ProposeAllocationQuery, IReadOnlyList<AllocationProposalDto>>,
    ICommandHandler<AnnounceTrancheCommand, TrancheDto>,
    ICommandHandler<ChangeCeilingCommand, TrancheDto>,
    ICommandHandler<RescheduleTrancheCommand, TrancheDto>
{
    public static string Stream(Guid trancheId) => "tranche:" + trancheId.ToString("N");

    public async ValueTask<IReadOnlyList<RankingEntryDto>> Handle(OrderTiesCommand command, CancellationToken cancellationToken)
    {
        var actor = Require(Role.Beoordelaar, "VRO");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var order = command.Request!.Order!;
        var ranking = await RoundRanking.LoadAsync(db, tranche.Id, cancellationToken);
        var ranked = ranking.Applications.Select(a => Guid.Parse(a.ApplicationReference)).ToHashSet();
        var unknown = order.Where(id => !ranked.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("order", $"Niet gerangschikt in deze ronde: {string.Join(", ", unknown)}.")]);
        }

        var existing = await db.Set<RoundTieBreak>().FirstOrDefaultAsync(t => t.TrancheId == tranche.Id, cancellationToken);
        var old = existing?.Order;
        if (existing is null)
        {
            db.Add(new RoundTieBreak(tranche.Id, order, actor.UserId, time.GetUtcNow()));
        }
        else
        {
            existing.Replace(order, actor.UserId, time.GetUtcNow());
        }

        await audit.AppendAsync(Stream(tranche.Id), actor, "ronde.gelijkeScoresGeordend", "ronde", tranche.Id.ToString(), "ok", new { volgorde = old }, new { volgorde = order }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await RankingQueries.EntriesAsync(db, tranche.Id, cancellationToken);
    }

    /// <summary>The allocator's proposal in rank order (full awards, the last partial, the rest "plafond bereikt"); nothing is written.</summary>
    public async ValueTask<IReadOnlyList<AllocationProposalDto>> Handle(ProposeAllocationQuery query, CancellationToken cancellationToken)
    {
        Require(Role.Beoordelaar, "VRO");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var budget = await db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(tranche.Id), cancellationToken);
        var ranking = await RoundRanking.LoadAsync(db, tranche.Id, cancellationToken);
        var awarded = await db.Set<FundingApplication>().AsNoTracking().Where(a => a.TrancheId == tranche.Id && a.AwardedAmount != null).Select(a => new { a.Id, a.ApplicantCbsCode, a.AwardedAmount, a.StudentHousing }).ToListAsync(cancellationToken);
        var awardedIds = awarded.Select(a => a.Id.ToString()).ToHashSet();
        var open = Ranking.Rank(
            ranking.Applications.Where(a => !awardedIds.Contains(a.ApplicationReference)).Select(a => a.Candidate),
            ranking.Applications.Where(a => !a.TieUnresolved).Select(a => a.ApplicationReference).ToList());
        // Awards already made to the reserved category count against the reservation (the allocator caps it there).
        var reservationUsed = tranche.RuleSet.PriorityBudget is { Category: PriorityCategory.StudentHousing }
            ? awarded.Where(a => a.StudentHousing).Aggregate(Money.Zero, (sum, a) => sum + a.AwardedAmount!.Value)
            : Money.Zero;
        var result = Allocator.Allocate(open, budget.Ceiling, budget.Committed, tranche.RuleSet, awarded.Select(a => a.ApplicantCbsCode).ToList(), reservationUsed);
        var references = await db.Cases.AsNoTracking().Where(c => c.CaseType.EndsWith("-application")).Select(c => new { c.Id, c.Reference }).ToListAsync(cancellationToken);
        var byId = references.ToDictionary(c => c.Id.ToString(), c => c.Reference);
        return result.Allocations.Select(a => new AllocationProposalDto(
            Guid.Parse(a.Application.ApplicationReference),
            byId.GetValueOrDefault(a.Application.ApplicationReference, a.Application.ApplicationReference),
            a.Application.GemeenteCbsCode,
            a.Application.Position,
            a.Application.RequestedAmount.Euros,
            a.Outcome.Amount.Euros,
            a.Outcome switch { FullAward => "toekennen", PartialAward => "gedeeltelijkToekennen", _ => "afwijzen" },
            a.Outcome switch { PartialAward => PartialAward.Reason, Rejected r => r.Reason, _ => null })).ToList();
    }

    public async ValueTask<TrancheDto> Handle(AnnounceTrancheCommand command, CancellationToken cancellationToken)
    {
        var actor = Require(Role.Beheerder, null);
        var request = command.Request!;
        var basis = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.BasedOnTrancheId, cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("basedOnTrancheId", "Deze ronde bestaat niet.")]);
        if (await db.Set<Tranche>().AnyAsync(t => t.Regeling == basis.Regeling && t.Name == request.Name, cancellationToken))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"Er bestaat al een ronde '{request.Name}' van deze regeling.");
        }

        var json = JsonNode.Parse(basis.RuleSetJson)!.AsObject();
        foreach (var (key, value) in request.RuleSetOverrides ?? [])
        {
            if (key is "regeling" or "round" or "ruleSetVersion" || !json.ContainsKey(key) && value is null)
            {
                continue;
            }

            json[key] = value?.DeepClone();
        }

        // A round announced on a seeded historic round (which names no bijlagen) requires the regeling's standard
        // bijlagen, unless the Beheerder names them (an empty list: none).
        if (json["requiredDocuments"] is null && request.RuleSetOverrides?.ContainsKey("requiredDocuments") != true)
        {
            json["requiredDocuments"] = JsonSerializer.SerializeToNode(StandardRequiredDocuments.For(basis.Regeling), FundingRuleSetJson.Options);
        }

        json["round"] = request.Name;
        json["ruleSetVersion"] = basis.RuleSetVersion + 1;
        FundingRuleSet ruleSet;
        try
        {
            ruleSet = FundingRuleSetJson.Deserialize(json.ToJsonString());
        }
        catch (JsonException e)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("ruleSetOverrides", "De regelset is ongeldig: " + e.Message)]);
        }

        if ((ruleSet.RequiredDocuments ?? []).Select(d => d is null ? "Een verplichte bijlage mag niet leeg zijn." : d.WhyInvalid()).FirstOrDefault(w => w is not null) is { } invalidDocument)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("ruleSetOverrides.requiredDocuments", invalidDocument)]);
        }

        if ((ruleSet.Beslistermijn is null ? "Geef de beslistermijn met weken, start en bron, of laat hem weg voor Awb 4:13 lid 2." : ruleSet.Beslistermijn.WhyInvalid()) is { } invalidTerm)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("ruleSetOverrides.beslistermijn", invalidTerm)]);
        }

        var id = Guid.NewGuid();

        // Announcing through the API is the announcement itself, unless the Beheerder records an earlier one.
        var announcedOn = request.AnnouncedOnDate ?? Casework.Domain.Time.AmsterdamClock.Today(time);
        var tranche = Tranche.Announce(id, basis.Regeling, request.Name!, announcedOn, request.OpensAt, request.ClosesAt, ruleSet, request.Notes);
        db.Add(tranche);
        db.Add(RoundBudget.Open(new RoundBudgetId(id), basis.Regeling, request.Name!, new Money(request.Ceiling)));
        await audit.AppendAsync(Stream(id), actor, "ronde.aangekondigd", "ronde", id.ToString(), "ok", null,
            new { tranche.Regeling, tranche.Name, gebaseerdOp = basis.Id, request.OpensAt, request.ClosesAt, plafond = request.Ceiling, overschreven = request.RuleSetOverrides?.Select(p => p.Key).ToList() }, request.Notes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetTrancheQuery(id), cancellationToken);
    }

    /// <summary>Raises or lowers the ceiling through the round's ledger, so it never drops below what is committed, even against a racing award.</summary>
    public async ValueTask<TrancheDto> Handle(ChangeCeilingCommand command, CancellationToken cancellationToken)
    {
        var actor = Require(Role.Beheerder, null);
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var before = await db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(tranche.Id), cancellationToken);
        var ceiling = new Money(command.Request!.Ceiling);
        await ledger.ChangeCeilingAsync(tranche.Id, ceiling, cancellationToken);

        await audit.AppendAsync(Stream(tranche.Id), actor, "ronde.plafondGewijzigd", "ronde", tranche.Id.ToString(), "ok",
            new { plafond = before.Ceiling.Euros }, new { plafond = ceiling.Euros }, command.Request.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetTrancheQuery(tranche.Id), cancellationToken);
    }

    public async ValueTask<TrancheDto> Handle(RescheduleTrancheCommand command, CancellationToken cancellationToken)
    {
        var actor = Require(Role.Beheerder, null);
        var tranche = await db.Set<Tranche>().FirstOrDefaultAsync(t => t.Id == command.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var before = new { tranche.OpensAt, tranche.ClosesAt };
        tranche.Reschedule(command.Request!.OpensAt!.Value, command.Request.ClosesAt, time.GetUtcNow());
        await audit.AppendAsync(Stream(tranche.Id), actor, "ronde.tijdvakVerschoven", "ronde", tranche.Id.ToString(), "ok",
            before, new { tranche.OpensAt, tranche.ClosesAt }, command.Request.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetTrancheQuery(tranche.Id), cancellationToken);
    }

    private Casework.Workflows.Engine.Actor Require(Role role, string? organisation)
    {
        var actor = current.Actor;
        if (!actor.Roles.Contains(role) || (organisation is not null && actor.Organisation != organisation))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Alleen een {role}{(organisation is null ? string.Empty : " van " + organisation)} mag dit.");
        }

        return actor;
    }
}

internal static class TrancheAdministrationEndpoints
{
    public static RouteGroupBuilder MapTrancheAdministration(this RouteGroupBuilder group)
    {
        group.MapPost("/", async (AnnounceTrancheRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new AnnounceTrancheCommand(body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/tranches/{dto.Tranche.Id}", dto);
            })
            .RequireAuthorization()
            .WithIdempotencyKey()
            .WithName("announceTranche")
            .WithSummary("Een nieuwe ronde aankondigen op basis van de regelset van een eerdere ronde, met afwijkingen")
            .Produces<TrancheDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}/ceiling", (Guid id, ChangeCeilingRequest? body, IMediator mediator, CancellationToken ct) => mediator.Send(new ChangeCeilingCommand(id, body), ct))
            .RequireAuthorization()
            .WithName("changeTrancheCeiling")
            .WithSummary("Het plafond van een ronde verhogen of verlagen (nooit onder wat al verplicht is)")
            .Produces<TrancheDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id:guid}/window", (Guid id, RescheduleTrancheRequest? body, IMediator mediator, CancellationToken ct) => mediator.Send(new RescheduleTrancheCommand(id, body), ct))
            .RequireAuthorization()
            .WithName("rescheduleTranche")
            .WithSummary("Het tijdvak van een nog niet geopende ronde verschuiven (WBI: nooit dichter dan zes weken na de aankondiging)")
            .Produces<TrancheDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/tie-breaks", (Guid id, TieBreakRequest? body, IMediator mediator, CancellationToken ct) => mediator.Send(new OrderTiesCommand(id, body), ct))
            .RequireAuthorization()
            .IsDecision()
            .WithName("orderTrancheTies")
            .WithSummary("Een persoon ordent aanvragen met gelijke totaalscore; geeft de rangschikking terug")
            .Produces<IReadOnlyList<RankingEntryDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/allocation", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ProposeAllocationQuery(id), ct))
            .RequireAuthorization()
            .IsDecision()
            .WithName("proposeTrancheAllocation")
            .WithSummary("Voorstel van toekenningen in volgorde van de rangschikking tot het plafond (schrijft niets)")
            .Produces<IReadOnlyList<AllocationProposalDto>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }
}
