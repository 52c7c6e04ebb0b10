using Casework.Domain.Escalation;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

/// <summary>What a meeting decided on this case: the body, the meeting, the date and the besluit's own text.</summary>
public sealed record CaseMeetingDecisionDto(Guid MeetingId, string Body, string MeetingTitle, DateOnly MeetingDate, string? DecisionActionId, string Besluit, DateTimeOffset DecidedAt);

/// <summary>The case page's "what it is about" beyond the case row: the meetings' decisions and the names of focusgebieden.</summary>
public sealed record CaseContentDto(IReadOnlyList<CaseMeetingDecisionDto> MeetingDecisions, IReadOnlyDictionary<string, string> FocusgebiedNames);

public sealed record GetCaseContentQuery(Guid CaseId) : IQuery<CaseContentDto>;

/// <summary>Only for a case the caller may see (<see cref="CaseAccess.LoadVisibleAsync"/>); a hidden case is a 404 as everywhere.</summary>
internal sealed class GetCaseContentHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<GetCaseContentQuery, CaseContentDto>
{
    public async ValueTask<CaseContentDto> Handle(GetCaseContentQuery query, CancellationToken cancellationToken)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.CaseId, current.Actor, cancellationToken, tracked: false);
        var decided = await db.Set<AgendaItem>().AsNoTracking()
            .Where(i => i.CaseId == caseFile.Id && i.Besluit != null)
            .Join(db.Set<Meeting>(), i => i.MeetingId, m => m.Id, (i, m) => new { m.Id, m.BodyCode, m.Title, m.Date, i.DecisionActionId, i.Besluit, i.DecidedAt })
            .ToListAsync(cancellationToken);
        var bodies = decided.Select(d => d.BodyCode).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => bodies.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        var focusgebieden = await db.Focusgebieden.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name, StringComparer.Ordinal, cancellationToken);
        return new CaseContentDto(
            decided
                .Select(d => new CaseMeetingDecisionDto(d.Id, names.GetValueOrDefault(d.BodyCode, d.BodyCode), d.Title, d.Date, d.DecisionActionId, d.Besluit!, d.DecidedAt!.Value))
                .OrderBy(d => d.DecidedAt)
                .ToList(),
            focusgebieden);
    }
}
