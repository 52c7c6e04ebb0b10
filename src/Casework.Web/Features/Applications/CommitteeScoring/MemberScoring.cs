using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications.CommitteeScoring;

/// <summary>A member's own scores: per criterion, or (a round without weighted criteria, VHF) the member's total.</summary>
public sealed record MemberScoreRequest(Dictionary<string, decimal>? Scores, decimal? Total);

/// <summary>Why the member steps aside for this application (Awb 2:4).</summary>
public sealed record RecusalRequest(string? Reason);

/// <summary>One member's assessment as the committee and the member see it.</summary>
public sealed record MemberScoreDto(string MemberUserId, string MemberName, IReadOnlyDictionary<string, decimal>? Scores, decimal? Total, bool Recused, string? RecusalReason, DateTimeOffset RecordedAt);

/// <summary>The committee's scoring of an application: each member's assessment, the mean of the counted members, and the chair.</summary>
public sealed record CommitteeScoringDto(Guid ApplicationId, string Committee, string? ChairUserId, string? ChairName, IReadOnlyList<MemberScoreDto> Members, decimal? MeanTotal, int CountedMembers, int RecusedMembers);

public sealed record RecordMemberScoreCommand(Guid Id, MemberScoreRequest? Request) : ICommand<CommitteeScoringDto>;

public sealed record DeclareRecusalCommand(Guid Id, RecusalRequest? Request) : ICommand<CommitteeScoringDto>;

public sealed record GetCommitteeScoringQuery(Guid Id) : IQuery<CommitteeScoringDto>;

internal sealed class RecordMemberScoreValidator : AbstractValidator<RecordMemberScoreCommand>
{
    public RecordMemberScoreValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de scores als JSON.");
        RuleFor(c => c.Request!).Must(r => r.Scores is { Count: > 0 } || r.Total is not null).When(c => c.Request is not null)
            .OverridePropertyName("scores").WithMessage("Geef een score per criterium (of, in een ronde zonder gewogen criteria, het totaal).");
        RuleFor(c => c.Request!.Scores!.Count).LessThanOrEqualTo(20).When(c => c.Request?.Scores is not null).OverridePropertyName("scores");
    }
}

internal sealed class DeclareRecusalValidator : AbstractValidator<DeclareRecusalCommand>
{
    public DeclareRecusalValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de reden als JSON.");
        RuleFor(c => c.Request!.Reason).NotEmpty().When(c => c.Request is not null).OverridePropertyName("reason")
            .WithMessage("Geef aan waarom u zich verschoont (bijvoorbeeld: u bent betrokken bij het project of werkt voor de gemeente).");
        RuleFor(c => c.Request!.Reason).MaximumLength(2000).When(c => c.Request is not null).OverridePropertyName("reason")
            .WithMessage("De reden is te lang (maximaal 2000 tekens).");
    }
}

/// <summary>
/// What member scoring, recusal and the chair's advice share: the gate (whoever may take <c>adviseren</c> in the case's
/// state: the definition names the Commissielid of the committee the case is routed to, so a member of another
/// committee or a case not before the committee is refused by the engine, the one gate), and the loading.
/// </summary>
internal sealed class CommitteeScoringContext(CaseworkDbContext db, CaseTransitions transitions)
{
    public const string AdviseAction = "adviseren";

    public async Task<(Domain.Cases.CaseFile Case, FundingApplication Application, Tranche Round)> LoadForMemberAsync(Guid id, Casework.Workflows.Engine.Actor actor, CancellationToken ct)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, id, actor, ct, withHistory: false);
        CaseAccess.EnsureMayWrite(actor);
        transitions.EnsureMayPrepare(caseFile, actor, AdviseAction);
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
        return (caseFile, application, tranche);
    }

    public Task<List<CommitteeMemberScore>> ScoresOfAsync(Guid applicationId, string committee, CancellationToken ct) =>
        db.Set<CommitteeMemberScore>().Where(s => s.ApplicationId == applicationId && s.Committee == committee).ToListAsync(ct);

    public async Task<CommitteeScoringDto> DtoAsync(Guid applicationId, string committee, CancellationToken ct)
    {
        var scores = await db.Set<CommitteeMemberScore>().AsNoTracking().Where(s => s.ApplicationId == applicationId && s.Committee == committee).ToListAsync(ct);
        var chair = await CommitteeRules.ChairOfAsync(db, committee, ct);
        return ToDto(applicationId, committee, chair, scores);
    }

    public static CommitteeScoringDto ToDto(Guid applicationId, string committee, CommitteeChair? chair, IReadOnlyList<CommitteeMemberScore> scores) => new(
        applicationId,
        committee,
        chair?.UserId,
        chair?.Name,
        scores.OrderBy(s => s.MemberName, StringComparer.Ordinal).Select(s => new MemberScoreDto(
            s.MemberUserId, s.MemberName, s.Recused ? null : s.Scores, s.Total, s.Recused, s.RecusalReason, s.RecordedAt)).ToList(),
        CommitteeRules.MeanTotal(scores),
        scores.Count(s => !s.Recused && s.Total is not null),
        scores.Count(s => s.Recused));

    /// <summary>The member's scores as a sheet of the round's scheme (VHF: the member's own total, 0-1000).</summary>
    public static ScoreSheet Sheet(ScoringScheme scheme, Dictionary<string, decimal>? scores, decimal? total)
    {
        if (scheme.Criteria.Count == 0)
        {
            // VHF: no weighted criteria in the rules; each member gives a total and the committee's is their mean.
            if (total is not { } t || t < 0 || t > 1000)
            {
                throw new BusinessRuleViolationException(new BrokenRule("SCORE-TOTAAL-ONTBREEKT", "Deze ronde kent geen gewogen criteria: geef het totaal (0-1000).", scheme.Source));
            }

            return ScoreSheet.Create(new ScoringScheme([new ScoringCriterion("totaal", 1m, 0m, 1000m)], scheme.Source), new Dictionary<string, decimal> { ["totaal"] = t });
        }

        return ScoreSheet.Create(scheme, scores ?? []);
    }
}

internal sealed class RecordMemberScoreHandler(CaseworkDbContext db, ICurrentActor current, CommitteeScoringContext context, AuditTrail audit, TimeProvider time)
    : ICommandHandler<RecordMemberScoreCommand, CommitteeScoringDto>
{
    public async ValueTask<CommitteeScoringDto> Handle(RecordMemberScoreCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (caseFile, application, tranche) = await context.LoadForMemberAsync(command.Id, actor, cancellationToken);
        var committee = caseFile.RoutedTo!;
        var scores = await context.ScoresOfAsync(application.Id, committee, cancellationToken);
        var mine = scores.FirstOrDefault(s => s.MemberUserId == actor.UserId);
        if (mine?.Recused == true)
        {
            throw new BusinessRuleViolationException(CommitteeRules.RecusedMayNotScore());
        }

        var sheet = CommitteeScoringContext.Sheet(tranche.RuleSet.Scoring, command.Request!.Scores, command.Request.Total);
        var old = mine is null ? null : new { scores = mine.Scores, totaal = mine.Total };
        if (mine is null)
        {
            mine = new CommitteeMemberScore(application.Id, committee, actor.UserId, current.DisplayName);
            db.Add(mine);
            scores.Add(mine);
        }

        mine.Score(sheet, time.GetUtcNow());
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "aanvraag.score.lid", "aanvraag", application.Id.ToString(), "ok",
            old, new { lid = actor.UserId, naam = current.DisplayName, commissie = committee, scores = sheet.Scores, totaal = sheet.Total }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommitteeScoringContext.ToDto(application.Id, committee, await CommitteeRules.ChairOfAsync(db, committee, cancellationToken), scores);
    }
}

/// <summary>
/// A member declares a conflict of interest for an application (Awb 2:4): any scores they gave are withdrawn, they
/// are refused as its scorer from then on and count in none of its totals. A recusal cannot be undone (ontwerpkeuze:
/// once the appearance of bias is declared, taking part again would defeat it).
/// </summary>
internal sealed class DeclareRecusalHandler(CaseworkDbContext db, ICurrentActor current, CommitteeScoringContext context, AuditTrail audit, TimeProvider time)
    : ICommandHandler<DeclareRecusalCommand, CommitteeScoringDto>
{
    public async ValueTask<CommitteeScoringDto> Handle(DeclareRecusalCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (caseFile, application, _) = await context.LoadForMemberAsync(command.Id, actor, cancellationToken);
        var committee = caseFile.RoutedTo!;
        var scores = await context.ScoresOfAsync(application.Id, committee, cancellationToken);
        var mine = scores.FirstOrDefault(s => s.MemberUserId == actor.UserId);
        if (mine?.Recused == true)
        {
            throw new BusinessRuleViolationException(CommitteeRules.AlreadyRecused());
        }

        var old = mine is null ? null : new { scores = mine.Scores, totaal = mine.Total };
        if (mine is null)
        {
            mine = new CommitteeMemberScore(application.Id, committee, actor.UserId, current.DisplayName);
            db.Add(mine);
            scores.Add(mine);
        }

        var reason = command.Request!.Reason!.Trim();
        mine.Recuse(reason, time.GetUtcNow());
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "aanvraag.verschoning", "aanvraag", application.Id.ToString(), "ok",
            old, new { lid = actor.UserId, naam = current.DisplayName, commissie = committee, bron = CommitteeRules.RecusalSource }, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommitteeScoringContext.ToDto(application.Id, committee, await CommitteeRules.ChairOfAsync(db, committee, cancellationToken), scores);
    }
}

/// <summary>The members' scores of an application, for the committee (and whoever may read the case).</summary>
internal sealed class GetCommitteeScoringHandler(CaseworkDbContext db, ICurrentActor current, CommitteeScoringContext context)
    : IQueryHandler<GetCommitteeScoringQuery, CommitteeScoringDto>
{
    public async ValueTask<CommitteeScoringDto> Handle(GetCommitteeScoringQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.Id, actor, cancellationToken, tracked: false, withHistory: false);
        if (actor.Roles.Contains(Role.GemeenteAanvrager) && !actor.Roles.Contains(Role.Commissielid))
        {
            // The applicant sees the committee's advice, not who scored what (ontwerpkeuze).
            throw ApiProblemException.NotFound("De scores");
        }

        var committee = CommitteeRules.CommitteeOf(caseFile.CaseType);
        return await context.DtoAsync(caseFile.Id, committee, cancellationToken);
    }
}

internal static class MemberScoringEndpoints
{
    public static RouteGroupBuilder MapCommitteeScoring(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/committee-scores", ([FromRoute] Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCommitteeScoringQuery(id), ct))
            .WithName("getCommitteeScores")
            .WithSummary("De scores van de leden van de toetsingscommissie, wie zich verschoonde en het gemiddelde van de meegetelde leden")
            .Produces<CommitteeScoringDto>()
            .ProducesProblems(EndpointConventions.ReadProblems);
        group.MapPut("/{id:guid}/committee-scores/mine", ([FromRoute] Guid id, MemberScoreRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RecordMemberScoreCommand(id, body), ct))
            .WithName("recordMemberScore")
            .WithSummary("Een commissielid legt zijn eigen score per criterium vast; het gemiddelde van de leden is het standaardadvies van de voorzitter")
            .Produces<CommitteeScoringDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        group.MapPost("/{id:guid}/committee-scores/recusal", ([FromRoute] Guid id, RecusalRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DeclareRecusalCommand(id, body), ct))
            .WithName("declareRecusal")
            .WithSummary("Een commissielid verschoont zich voor deze aanvraag wegens (de schijn van) vooringenomenheid (Awb 2:4); zijn scores tellen niet mee")
            .Produces<CommitteeScoringDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        return group;
    }
}
