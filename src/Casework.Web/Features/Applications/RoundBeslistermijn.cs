using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// The beslistermijn of an application runs as its round's rule set says: a term the regeling names with its start
/// (receipt, or the close of the tijdvak), or Awb 4:13 lid 2, eight weeks from receipt (docs/domain.md, "Legal clock").
/// </summary>
internal sealed class RoundBeslistermijn(CaseworkDbContext db) : ITermStartResolver
{
    public async Task<TermStart?> ResolveAsync(CaseFile caseFile, TermKind kind, DateOnly today, CancellationToken ct)
    {
        if (kind.Id != TermKinds.Beslistermijn.Id)
        {
            return null;
        }

        var round = await db.Set<FundingApplication>().AsNoTracking().Where(a => a.Id == caseFile.Id)
            .Join(db.Set<Tranche>().AsNoTracking(), a => a.TrancheId, t => t.Id, (a, t) => new { t.RuleSetJson, t.ClosesAt })
            .FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var rule = FundingRuleSetJson.Deserialize(round.RuleSetJson).Beslistermijn;
        var closes = round.ClosesAt is { } c ? AmsterdamClock.ToLocalDate(c) : (DateOnly?)null;
        return new TermStart(rule.EventDate(today, closes), rule.IsAwbDefault ? null : TermLength.Weeks(rule.Weeks), rule.Source);
    }
}
