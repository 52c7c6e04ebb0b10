using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

internal sealed class FireActionHandler(CaseworkDbContext db, ICurrentActor current, CaseActionPath path, CaseTransitions transitions, TimeProvider time) : ICommandHandler<FireActionCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(FireActionCommand command, CancellationToken cancellationToken)
    {
        var caseFile = await path.FireAsync(command.CaseId, command.ActionId, command.ExpectedVersion, new ActionInput(command.Reason, command.Data), cancellationToken);
        return await RespondAsync(db, transitions, caseFile, current.Actor, time, cancellationToken);
    }

    /// <summary>The case after an action: its deadlines and the actions now open to the caller.</summary>
    public static async Task<CaseDto> RespondAsync(CaseworkDbContext db, CaseTransitions transitions, Domain.Cases.CaseFile caseFile, Actor actor, TimeProvider time, CancellationToken ct)
    {
        var deadlines = new List<Deadline>();
        await foreach (var deadline in DeadlinesOf.For(db)(db, caseFile.Id).WithCancellation(ct))
        {
            deadlines.Add(deadline);
        }

        var actions = caseFile.IsClosed ? [] : await transitions.AvailableAsync(caseFile, actor, ct);
        return CaseMapping.ToDto(caseFile, deadlines, actions, AmsterdamClock.Today(time), transitions.DescribeProposal(caseFile, actor));
    }

    /// <summary>The case's deadlines for the response, compiled once (every transition runs it).</summary>
    private static readonly CompiledPerContext<Func<CaseworkDbContext, Guid, IAsyncEnumerable<Deadline>>> DeadlinesOf = new(() => EF.CompileAsyncQuery(
        (CaseworkDbContext db, Guid caseId) => db.Deadlines.AsNoTracking().Where(d => d.CaseId == caseId)));
}
