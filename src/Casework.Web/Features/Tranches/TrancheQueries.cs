using System.Text.Json;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

public sealed record TrancheSummaryDto(
    Guid Id,
    Regeling Regeling,
    string Name,
    DateOnly? AnnouncedOnDate,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    TrancheStatus Status,
    decimal Ceiling,
    decimal Committed,
    decimal Paid,
    decimal Reclaimed,
    decimal Remaining,
    int RuleSetVersion);

/// <summary>A round with its rule set and, for the ministry, RVO and the committees, its ranking (null for gemeenten and anonymous callers).</summary>
public sealed record TrancheDto(TrancheSummaryDto Tranche, string? Notes, JsonElement RuleSet, IReadOnlyList<RankingEntryDto>? Ranking);

/// <summary>One place in a round's ranking; <c>tieUnresolved</c> marks equal totals a person still has to order.</summary>
public sealed record RankingEntryDto(int Position, Guid ApplicationId, string Reference, string Gemeente, string ProjectName, decimal RequestedAmount, decimal TotalScore, bool TieUnresolved, string State, decimal? AwardedAmount)
{
    /// <summary>Priority points on top of the committee's total (VHF from round 4).</summary>
    public decimal PriorityPoints { get; init; }

    /// <summary>What the ranking orders by: total score plus priority points.</summary>
    public decimal RankingScore { get; init; }

    /// <summary>The application belongs to the category the round reserves money for (WBI T6: student housing).</summary>
    public bool PriorityBudget { get; init; }
}

/// <summary>The rounds, of one regeling or both; with <paramref name="OpenOrOpeningWithinDays"/> only those open now or opening within that many days.</summary>
public sealed record ListTranchesQuery(Regeling? Regeling, int? OpenOrOpeningWithinDays = null) : IQuery<IReadOnlyList<TrancheSummaryDto>>;

/// <summary>Which rounds a list selects, so the start page counts exactly what <c>/rondes?tijdvak=open</c> lists.</summary>
internal static class TrancheSelections
{
    /// <summary>How far ahead "about to open" looks on the start page and the rounds page.</summary>
    public const int OpeningSoonDays = 14;

    /// <summary>Not yet allocated, window opened or opening within <paramref name="days"/> days of <paramref name="now"/>, and not closed.</summary>
    public static IQueryable<Tranche> OpenOrOpeningWithin(IQueryable<Tranche> tranches, DateTimeOffset now, int days)
    {
        var horizon = now.AddDays(days);
        return tranches.Where(t => !t.Allocated && t.OpensAt != null && t.OpensAt <= horizon && (t.ClosesAt == null || t.ClosesAt >= now));
    }
}

public sealed record GetTrancheQuery(Guid Id) : IQuery<TrancheDto>;

internal sealed class TrancheQueryHandlers(CaseworkDbContext db, TimeProvider time, IHttpContextAccessor http, Infrastructure.Auth.AuthOptions authOptions) :
    IQueryHandler<ListTranchesQuery, IReadOnlyList<TrancheSummaryDto>>,
    IQueryHandler<GetTrancheQuery, TrancheDto>
{
    public async ValueTask<IReadOnlyList<TrancheSummaryDto>> Handle(ListTranchesQuery query, CancellationToken cancellationToken)
    {
        var tranches = db.Set<Tranche>().AsNoTracking();
        if (query.Regeling is { } regeling)
        {
            tranches = tranches.Where(t => t.Regeling == regeling);
        }

        if (query.OpenOrOpeningWithinDays is { } days)
        {
            tranches = TrancheSelections.OpenOrOpeningWithin(tranches, time.GetUtcNow(), days);
        }

        var rows = await tranches.ToListAsync(cancellationToken);
        var budgets = await db.Set<RoundBudget>().AsNoTracking().ToDictionaryAsync(b => b.Id.Value, cancellationToken);
        var now = time.GetUtcNow();
        return rows
            .OrderBy(t => t.Regeling).ThenBy(t => t.OpensAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => ToDto(t, budgets[t.Id], now))
            .ToList();
    }

    public async ValueTask<TrancheDto> Handle(GetTrancheQuery query, CancellationToken cancellationToken)
    {
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De ronde");
        var budget = await db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(query.Id), cancellationToken);
        using var ruleSet = JsonDocument.Parse(tranche.RuleSetJson);
        var ranking = MaySeeRanking() ? await RankingQueries.EntriesAsync(db, tranche.Id, cancellationToken) : null;
        return new TrancheDto(ToDto(tranche, budget, time.GetUtcNow()), tranche.Notes, ruleSet.RootElement.Clone(), ranking);
    }

    /// <summary>Scores and ranks are not public: gemeenten see their own application, not the others'.</summary>
    private bool MaySeeRanking()
    {
        var actor = Infrastructure.Auth.HttpCurrentActor.FromPrincipal(http.HttpContext?.User, authOptions);
        return actor is not null && actor.Roles.Any(r => r != Domain.Access.Role.GemeenteAanvrager);
    }

    internal static TrancheSummaryDto ToDto(Tranche t, RoundBudget b, DateTimeOffset now) => new(
        t.Id, t.Regeling, t.Name, t.AnnouncedOn, t.OpensAt, t.ClosesAt, t.StatusAt(now),
        b.Ceiling.Euros, b.Committed.Euros, b.Paid.Euros, b.Reclaimed.Euros, b.Remaining.Euros, t.RuleSetVersion);
}

internal static class TrancheEndpoints
{
    public static IEndpointRouteBuilder MapTrancheEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tranches").WithTags("Rondes");
        group.MapGet("/", (Regeling? regeling, IMediator mediator, CancellationToken ct) => mediator.Send(new ListTranchesQuery(regeling), ct))
            .WithName("listTranches")
            .WithSummary("De rondes (tranches) van VHF en WBI met tijdvak, plafond, verplichtingen, betalingen en status")
            .Produces<IReadOnlyList<TrancheSummaryDto>>();
        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTrancheQuery(id), ct))
            .WithName("getTranche")
            .WithSummary("Een ronde met haar regelset")
            .Produces<TrancheDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Announcing rounds, changing ceilings, ordering ties and proposing allocations: signed-in users only,
    /// so mapped apart from the public reads (an anonymous group's AllowAnonymous would otherwise win).</summary>
    public static IEndpointRouteBuilder MapTrancheAdministrationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/tranches").WithTags("Rondes").RequireAuthorization().MapTrancheAdministration();
        return api;
    }
}
