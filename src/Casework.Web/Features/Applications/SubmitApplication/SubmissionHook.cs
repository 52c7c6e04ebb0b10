using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// <c>indienen</c> stamps the application with the moment of submission (the instant the window rule judged), however
/// it was fired: the dedicated <c>/applications/{id}/submit</c>, the generic action endpoint or a page.
/// </summary>
internal sealed class SubmissionHook(CaseworkDbContext db, TimeProvider time) : ITransitionHook
{
    public const string Action = "indienen";

    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (transition.ActionId != Action)
        {
            return;
        }

        var application = await db.Set<FundingApplication>().FindAsync([caseFile.Id], ct);
        application?.MarkSubmitted(time.GetUtcNow());
    }
}
