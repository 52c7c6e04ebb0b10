using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// The admission rules (toelatingscriteria) of a round, chosen by its rule set: a parameter that is present
/// brings its rule. <see cref="Evaluate"/> reports every broken rule at once and changes nothing.
/// </summary>
public static class AdmissionRules
{
    public static IReadOnlyList<BrokenRule> Evaluate(ApplicationProposal proposal, AdmissionContext context) =>
        For(proposal, context).Where(r => r.IsBroken()).Select(BrokenRule.From).ToList();

    /// <summary>Every rule that applies to this application in this round, broken or not.</summary>
    public static IReadOnlyList<IBusinessRule> For(ApplicationProposal proposal, AdmissionContext context)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(context);

        var rules = context.Round.RuleSet;
        var regeling = rules.Regeling;
        RequirePopulationFigureInForceAtAnnouncement(context);
        var list = new List<IBusinessRule>
        {
            new ApplicationMatchesRoundRule(proposal.Regeling, rules),
            new SubmittedWithinWindowRule(regeling, context.SubmittedAt, context.Round.OpensAt, context.Round.ClosesAt, rules.WindowSource),
        };

        list.Add(new ProjectAreaLiesInApplicantTerritoryRule(
            regeling, proposal.ApplicantCbsCode, proposal.JointMemberCbsCodes, proposal.Area.FocusgebiedName ?? proposal.Area.Description, context.AreaGemeenteCbsCode));
        list.Add(MinimumSizeRule(proposal, context, rules));

        if (rules.AffordableShareMinimum is { } affordable)
        {
            list.Add(new AffordableShareAtLeastRule(regeling, proposal.Homes, affordable));
        }

        if (rules.KoopPriceLimit is { } koopLimit)
        {
            list.Add(new BetaalbareKoopWithinPriceLimitRule(regeling, proposal.Homes, proposal.MaxKoopPrice, koopLimit));
        }

        if (rules.OwnContributionShareOfDeficit is { } ownShare)
        {
            list.Add(new OwnContributionAtLeastShareOfDeficitRule(regeling, proposal.OwnContribution, proposal.FinancialDeficit, ownShare));
        }

        if (rules.ProjectCostCapShareOfRequest is { } costCap)
        {
            list.Add(new ProjectCostsWithinCapRule(regeling, proposal.GemeenteProjectCosts, proposal.RequestedAmount, costCap));
        }

        if (rules.MaximumAmountPerApplication is { } maximum)
        {
            list.Add(new RequestedAmountWithinMaximumRule(regeling, proposal.RequestedAmount, context.Round.Ceiling, maximum));
        }

        if (rules.PrimaryActivitiesShareMinimum is { } primary)
        {
            list.Add(new PrimaryActivitiesShareAtLeastRule(regeling, proposal.RequestedAmount, proposal.PrimaryActivitiesAmount, primary));
        }

        if (rules.MaxApplicationsPerGemeente is { } maxApplications)
        {
            list.Add(new MaxApplicationsPerGemeenteRule(
                regeling, context.ApplicationsAlreadySubmittedByGemeente, maxApplications));
        }

        if (rules.OneAwardPerGemeente is { } oneAward)
        {
            list.Add(new OneAwardPerGemeenteRule(regeling, context.GemeenteAlreadyAwardedInRound, oneAward));
        }

        if (proposal.IsHerkansing)
        {
            list.Add(new HerkansingOnlyAfterRejectionRule(
                regeling, proposal, context.PreviousApplication, context.Round.OpensAt, rules.Herkansing, context.LoketJudgementsRequired));
        }

        foreach (var required in rules.RequiredDocuments ?? [])
        {
            list.Add(new RequiredDocumentPresentRule(regeling, required, context.DocumentTypesPresent));
        }

        var expectedDecision = ExpectedDecisionDate(context);
        list.Add(new PlannedConstructionStartWithinTermRule(
            regeling, proposal.PlannedConstructionStart, expectedDecision, rules.StartConstructionYears));
        list.Add(new PlannedCompletionWithinTermRule(
            regeling, proposal.PlannedConstructionStart, proposal.PlannedCompletion, expectedDecision, rules.CompletionYears));

        return list;
    }

    /// <summary>
    /// The latest regular decision date: the window's closing date (Amsterdam) plus the decision term; for an
    /// open-ended window, the submission date plus the term. Plans are judged against it.
    /// </summary>
    public static DateOnly ExpectedDecisionDate(AdmissionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = Dutch.AmsterdamDate(context.Round.ClosesAt ?? context.SubmittedAt);
        return from.AddDays(7 * context.Round.RuleSet.Beslistermijn.Weeks);
    }

    /// <summary>
    /// Guards against judging a gemeente on a figure published after the round was announced: that is a caller
    /// error (pick the figure with <see cref="PopulationFact.InForceOn"/>), not something the applicant did wrong.
    /// </summary>
    private static void RequirePopulationFigureInForceAtAnnouncement(AdmissionContext context)
    {
        if (context.Round.RuleSet.MinimumHomes.PopulationReference == PopulationReference.CbsFigureAtRoundAnnouncement
            && context.ApplicantPopulation is { IsStandIn: false } population
            && context.Round.AnnouncedOn is { } announcedOn
            && population.ReferenceDate > announcedOn)
        {
            throw new ArgumentException(
                $"The population figure of {population.ReferenceDate:yyyy-MM-dd} was not in force when round " +
                $"{context.Round.Name} was announced on {announcedOn:yyyy-MM-dd}; use PopulationFact.InForceOn.",
                nameof(context));
        }
    }

    private static IBusinessRule MinimumSizeRule(ApplicationProposal proposal, AdmissionContext context, FundingRuleSet rules) =>
        rules.Regeling switch
        {
            Regeling.Wbi => new WbiProjectNeedsMinimumHomesRule(
                proposal.Homes.Total, rules.MinimumHomes, context.ApplicantPopulation, context.AreaIsInDesignatedHousingMarketRegion),
            Regeling.Vhf when rules.AlternativeMinimumVolume is { } volume => new VhfMinimumHomesOrVolumeRule(
                proposal.Homes.Total, proposal.InvestmentVolume, rules.MinimumHomes, volume),
            Regeling.Vhf => new VhfProjectNeedsMinimumHomesRule(
                proposal.Homes.Total, rules.MinimumHomes, context.AreaIsStedelijkFocusgebied),
            _ => throw new ArgumentOutOfRangeException(nameof(rules), rules.Regeling, null),
        };
}
