using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// A herkansing is only for a gemeente whose application for the same project was rejected in the previous
/// round, and only when this round opens within the set number of weeks (17) of the previous one closing
/// (inclusive: exactly 17 weeks is still in time). Whether it is the same project is the RVO loket's judgement,
/// recorded with the link to the earlier application; before the loket has judged, only the admission check (not
/// the gemeente's submission) fails on it.
/// </summary>
public sealed class HerkansingOnlyAfterRejectionRule(
    Regeling regeling,
    ApplicationProposal proposal,
    HerkansingFacts? previous,
    DateTimeOffset roundOpensAt,
    HerkansingParameter? herkansing,
    bool loketJudgementRequired = false) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-HERKANSING";

    public string Source => herkansing?.Source ?? "Geen herkansing in deze regeling of ronde";

    public bool IsBroken() => proposal.IsHerkansing && Reasons().Count > 0;

    public string Message => "Een herkansing is niet mogelijk: " + string.Join("; ", Reasons()) + ".";

    private List<string> Reasons()
    {
        if (herkansing is null)
        {
            return ["deze ronde kent geen herkansing"];
        }

        if (previous is null || proposal.PreviousApplicationReference is null)
        {
            return ["er is geen eerdere aanvraag opgegeven"];
        }

        var reasons = new List<string>();
        if (!string.Equals(previous.PreviousApplicationReference, proposal.PreviousApplicationReference, StringComparison.Ordinal))
        {
            reasons.Add($"de opgegeven aanvraag {proposal.PreviousApplicationReference} is niet de gevonden aanvraag {previous.PreviousApplicationReference}");
        }

        if (!string.Equals(previous.PreviousApplicantCbsCode, proposal.ApplicantCbsCode, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add($"de eerdere aanvraag is van gemeente {previous.PreviousApplicantCbsCode}, niet van {proposal.ApplicantCbsCode}");
        }

        if (!previous.WasRejected)
        {
            reasons.Add("de eerdere aanvraag is niet afgewezen");
        }

        if (previous.IsSameProject == false)
        {
            reasons.Add("het is volgens het RVO-loket niet hetzelfde project");
        }
        else if (previous.IsSameProject is null && loketJudgementRequired)
        {
            reasons.Add("het RVO-loket heeft nog niet vastgelegd dat het hetzelfde project is");
        }

        var latestOpening = previous.PreviousRoundClosedAt.AddDays(7 * herkansing.MaxWeeksAfterPreviousRoundClosed);
        if (roundOpensAt > latestOpening)
        {
            reasons.Add(
                $"deze ronde opent op {Dutch.Instant(roundOpensAt)}, meer dan {herkansing.MaxWeeksAfterPreviousRoundClosed} weken " +
                $"na het sluiten van de vorige op {Dutch.Instant(previous.PreviousRoundClosedAt)}");
        }

        return reasons;
    }
}
