using Casework.Domain.Funding;
using Mediator;

namespace Casework.Web.Features.Applications;

/// <summary>
/// The chair's record of the committee's advice: Positief or Negatief, and the committee's score. By default the
/// score is the mean of the members who scored and did not recuse; an agreed score that differs needs a reason.
/// </summary>
public sealed record ScoresRequest(CommitteeAdvice? Advice, decimal? AgreedTotal = null, string? Reason = null);

public sealed record RecordScoresCommand(Guid Id, ScoresRequest? Request) : ICommand<ApplicationDto>;
