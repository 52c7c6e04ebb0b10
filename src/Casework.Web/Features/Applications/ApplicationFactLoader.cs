using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Web.Features.Workflows.Guards;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>The facts of an application and its round that the vhf/wbi-application guards read.</summary>
internal sealed class ApplicationFactLoader(CaseworkDbContext db, AdmissionContextLoader admission, RoundLedger ledger, TimeProvider time) : ICaseFactLoader
{
    public IReadOnlyCollection<string> Keys { get; } =
    [
        AdmissionVerdict.Fact,
        ScoresCompleetGuard.Fact,
        RangschikkingVastgesteldGuard.Fact,
        AwardFacts.Fact,
    ];

    public async ValueTask<object?> LoadAsync(Guid caseId, string key, CancellationToken ct)
    {
        var application = await db.Set<FundingApplication>().FindAsync([caseId], ct);
        if (application is null)
        {
            return null;
        }

        switch (key)
        {
            case AdmissionVerdict.Fact:
                // Judged as at submission (a draft: now). Once the gemeente has submitted, the loket's judgements
                // (a herkansing's "same project") are required too.
                var submittedAt = application.SubmittedAt ?? time.GetUtcNow();
                var context = await admission.LoadAsync(application, submittedAt, ct, loketJudgementsRequired: application.SubmittedAt is not null);
                var rules = AdmissionRules.For(application.ToProposal(), context).Where(r => r.IsBroken()).ToList();
                return new AdmissionVerdict(
                    rules.Where(r => r is SubmittedWithinWindowRule).Select(Domain.Common.BrokenRule.From).ToList(),
                    rules.Where(r => r is not SubmittedWithinWindowRule).Select(Domain.Common.BrokenRule.From).ToList());
            case ScoresCompleetGuard.Fact:
                return application.TotalScore is not null && application.Advice is not null;
            case RangschikkingVastgesteldGuard.Fact:
                return await RankingSettledForAsync(application, ct);
            case AwardFacts.Fact:
                return new AwardFacts(application, await ledger.LoadAsync(application.TrancheId, ct), await FundingDecisionEffect.PaidOutAsync(db, application.Id, ct));
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
