using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications.CommitteeScoring;

/// <summary>Who chairs a Toetsingscommissie: a user id (as the identity provider names the member) and a name.</summary>
public sealed record AppointChairRequest(string? UserId, string? Name);

public sealed record CommitteeChairDto(string Committee, string UserId, string Name, string AppointedBy, DateTimeOffset AppointedAt);

public sealed record AppointChairCommand(string Committee, AppointChairRequest? Request) : ICommand<CommitteeChairDto>;

/// <summary>An application waiting for the caller's own score: not scored by them and not recused from.</summary>
public sealed record PendingScoringItem(Guid ApplicationId, string Reference, string ProjectName, string Gemeente, string Round, string State);

public sealed record ListPendingScoringQuery : IQuery<IReadOnlyList<PendingScoringItem>>;

internal sealed class AppointChairValidator : AbstractValidator<AppointChairCommand>
{
    public AppointChairValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de voorzitter als JSON.");
        RuleFor(c => c.Request!.UserId).NotEmpty().MaximumLength(128).When(c => c.Request is not null).OverridePropertyName("userId")
            .WithMessage("Geef de gebruiker die voorzitter wordt.");
        RuleFor(c => c.Request!.Name).NotEmpty().MaximumLength(200).When(c => c.Request is not null).OverridePropertyName("name")
            .WithMessage("Geef de naam van de voorzitter.");
    }
}

/// <summary>The Beheerder appoints (or replaces) the chair of a Toetsingscommissie; audited on the committee's own stream.</summary>
internal sealed class AppointChairHandler(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time) : ICommandHandler<AppointChairCommand, CommitteeChairDto>
{
    public async ValueTask<CommitteeChairDto> Handle(AppointChairCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.Roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een functioneel beheerder benoemt de voorzitter van een toetsingscommissie.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Code == command.Committee && o.Kind == OrganisationKind.Toetsingscommissie, cancellationToken))
        {
            throw ApiProblemException.NotFound("De toetsingscommissie");
        }

        var request = command.Request!;
        var now = time.GetUtcNow();
        var chair = await db.Set<CommitteeChair>().FirstOrDefaultAsync(c => c.Committee == command.Committee, cancellationToken);
        var old = chair is null ? null : new { voorzitter = chair.UserId, naam = chair.Name };
        if (chair is null)
        {
            chair = new CommitteeChair(command.Committee, request.UserId!.Trim(), request.Name!.Trim(), actor.UserId, now);
            db.Add(chair);
        }
        else
        {
            chair.Replace(request.UserId!.Trim(), request.Name!.Trim(), actor.UserId, now);
        }

        await audit.AppendAsync("committee:" + command.Committee, actor, "commissie.voorzitter.benoemen", "commissie", command.Committee, "ok", old,
            new { voorzitter = chair.UserId, naam = chair.Name }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CommitteeChairDto(chair.Committee, chair.UserId, chair.Name, chair.AppointedBy, chair.AppointedAt);
    }
}

/// <summary>
/// The caller's own scoring list: the applications before the caller's committee that the definition lets the caller
/// advise on now (the same gate as scoring), less those the caller has scored or recused from.
/// </summary>
internal sealed class ListPendingScoringHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions)
    : IQueryHandler<ListPendingScoringQuery, IReadOnlyList<PendingScoringItem>>
{
    public async ValueTask<IReadOnlyList<PendingScoringItem>> Handle(ListPendingScoringQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.Roles.Contains(Role.Commissielid))
        {
            return [];
        }

        var done = db.Set<CommitteeMemberScore>().Where(s => s.MemberUserId == actor.UserId).Select(s => s.ApplicationId);
        var cases = await db.Cases.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.RoutedTo == actor.Organisation && c.ClosedAt == null && !done.Contains(c.Id))
            .Join(db.Set<FundingApplication>(), c => c.Id, a => a.Id, (c, a) => new { Case = c, a.ProjectName, a.ApplicantCbsCode, a.TrancheId })
            .OrderBy(x => x.Case.Reference)
            .Take(500)
            .ToListAsync(cancellationToken);
        var rounds = await db.Set<Tranche>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var codes = cases.Select(c => c.ApplicantCbsCode).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        return cases
            .Where(x => transitions.MayPrepare(x.Case, actor, CommitteeScoringContext.AdviseAction))
            .Select(x => new PendingScoringItem(x.Case.Id, x.Case.Reference, x.ProjectName, names.GetValueOrDefault(x.ApplicantCbsCode, x.ApplicantCbsCode),
                rounds.GetValueOrDefault(x.TrancheId, string.Empty), x.Case.StateLabel))
            .ToList();
    }
}

internal static class CommitteeWorkEndpoints
{
    public static IEndpointRouteBuilder MapCommitteeWorkEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/committees").WithTags("Toetsingscommissies").RequireAuthorization();
        group.MapPut("/{code}/chair", ([FromRoute] string code, AppointChairRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AppointChairCommand(code, body), ct))
            .WithName("appointCommitteeChair")
            .WithSummary("De functioneel beheerder benoemt de voorzitter van een toetsingscommissie (een lid dat het advies van de commissie vaststelt)")
            .Produces<CommitteeChairDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        group.MapGet("/my-pending-scores", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListPendingScoringQuery(), ct))
            .WithName("listMyPendingScores")
            .WithSummary("De aanvragen die het aangemelde commissielid nog moet scoren (niet gescoord en niet verschoond)")
            .Produces<IReadOnlyList<PendingScoringItem>>()
            .ProducesProblems(EndpointConventions.ReadProblems);
        return api;
    }
}
