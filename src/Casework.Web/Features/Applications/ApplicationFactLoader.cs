using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Web.Workflow.Guards;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// Within one request: the cases whose award money this request has already committed on the round's ledger.
/// The <c>binnenPlafond</c> guard passes only for those, so an award fired any other way (the generic action
/// endpoint) fails closed instead of deciding without money.
/// </summary>
internal sealed class AwardLedgerScope
{
    private readonly HashSet<Guid> _committed = [];

    public void Committed(Guid caseId) => _committed.Add(caseId);

    public bool HasCommitted(Guid caseId) => _committed.Contains(caseId);
}

/// <summary>The facts of an application and its round that the vhf/wbi-application guards read.</summary>
internal sealed class ApplicationFactLoader(CaseworkDbContext db, AdmissionContextLoader admission, AwardLedgerScope ledger, TimeProvider time) : ICaseFactLoader
{
    public IReadOnlyCollection<string> Keys { get; } =
    [
        IndieningsperiodeOpenGuard.Fact,
        ToelatingscriteriaVoldaanGuard.Fact,
        ScoresCompleetGuard.Fact,
        RangschikkingVastgesteldGuard.Fact,
        BinnenPlafondGuard.Fact,
    ];

    public async ValueTask<object?> LoadAsync(Guid caseId, string key, CancellationToken ct)
    {
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == caseId, ct);
        if (application is null)
        {
            return null;
        }

        switch (key)
        {
            case IndieningsperiodeOpenGuard.Fact:
                var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
                return tranche.StatusAt(time.GetUtcNow()) == TrancheStatus.Open;
            case ToelatingscriteriaVoldaanGuard.Fact:
                // Judged as at submission: the window rule looks at when it was filed, not at today. Past concept
                // (the admission check) the loket's judgements are required too.
                var state = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.State).FirstAsync(ct);
                var context = await admission.LoadAsync(application, application.SubmittedAt ?? time.GetUtcNow(), ct, loketJudgementsRequired: state != "concept");
                return AdmissionRules.Evaluate(application.ToProposal(), context);
            case ScoresCompleetGuard.Fact:
                return application.TotalScore is not null && application.Advice is not null;
            case RangschikkingVastgesteldGuard.Fact:
                return await RankingSettledForAsync(application, ct);
            case BinnenPlafondGuard.Fact:
                return ledger.HasCommitted(caseId);
            default:
                return null;
        }
    }

    /// <summary>Settled for this application unless it stands in a tie a person has not yet ordered.</summary>
    private async Task<bool> RankingSettledForAsync(FundingApplication application, CancellationToken ct)
    {
        if (application.Advice != CommitteeAdvice.Positief)
        {
            return application.Advice is not null;
        }

        var ranking = await RoundRanking.LoadAsync(db, application.TrancheId, ct);
        var mine = ranking.Applications.FirstOrDefault(r => r.Candidate.ApplicationReference == application.Id.ToString());
        return mine is { TieUnresolved: false };
    }
}
