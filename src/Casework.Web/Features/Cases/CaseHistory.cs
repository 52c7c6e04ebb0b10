using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

public sealed record CaseHistoryDto(Guid CaseId, string Reference, IReadOnlyList<StatusDto> Statuses, IReadOnlyList<AuditEventDto> Events);

public sealed record StatusDto(int Sequence, string State, string Label, string? Action, DateTimeOffset At, string ActorUserId, string ActorOrganisation, string? Reason);

public sealed record AuditEventDto(long Sequence, DateTimeOffset At, string ActorUserId, string ActorOrganisation, string Action, string ObjectType, string ObjectId, string Result, string? OldValues, string? NewValues, string? Reason, string Hash, string PreviousHash);

public sealed record GetCaseHistoryQuery(Guid CaseId) : IQuery<CaseHistoryDto>;

internal sealed class GetCaseHistoryHandler(CaseworkDbContext db, ICurrentActor current, PrivilegedReads reads) : IQueryHandler<GetCaseHistoryQuery, CaseHistoryDto>
{
    public async ValueTask<CaseHistoryDto> Handle(GetCaseHistoryQuery query, CancellationToken cancellationToken) =>
        await reads.TracedAsync(current.Actor, query.CaseId, PrivilegedReads.History, () => ReadAsync(query, cancellationToken), h => h.Reference, cancellationToken);

    private async Task<CaseHistoryDto> ReadAsync(GetCaseHistoryQuery query, CancellationToken cancellationToken)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.CaseId, current.Actor, cancellationToken, tracked: false);
        var stream = AuditTrail.CaseStream(caseFile.Id);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Stream == stream).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return new CaseHistoryDto(
            caseFile.Id,
            caseFile.Reference,
            caseFile.Statuses.OrderBy(s => s.Sequence).Select(s => new StatusDto(s.Sequence, s.State, s.Label, s.ActionId, s.At, s.ActorUserId, s.ActorOrganisation, s.Reason)).ToList(),
            events.Select(e => new AuditEventDto(e.Sequence, e.At, e.ActorUserId, e.ActorOrganisation, e.Action, e.ObjectType, e.ObjectId, e.Result, e.OldValues, e.NewValues, e.Reason, e.Hash, e.PreviousHash)).ToList());
    }
}
