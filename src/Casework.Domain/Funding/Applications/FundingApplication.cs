using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>The committee's advice on an application (adviseren).</summary>
public enum CommitteeAdvice
{
    Positief,
    Negatief,
}

/// <summary>
/// A VHF or WBI application as filed by a gemeente (or a regio led by one). Its id is the id of the workflow
/// case that carries it through the procedure; the case holds state, deadlines and history, this row holds the
/// facts the admission rules, the committee and the allocation work on. Editable only while in concept.
/// </summary>
public sealed class FundingApplication
{
    private FundingApplication()
    {
        ApplicantCbsCode = string.Empty;
        JointMemberCodes = string.Empty;
        ProjectName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TrancheId { get; private set; }

    public Regeling Regeling { get; private set; }

    /// <summary>The applicant, or the lead gemeente of a regio.</summary>
    public string ApplicantCbsCode { get; private set; }

    /// <summary>The other gemeenten of a regio, separated by ';' (empty for a single gemeente).</summary>
    public string JointMemberCodes { get; private set; }

    public IReadOnlyList<string> JointMemberCbsCodes =>
        JointMemberCodes.Length == 0 ? [] : JointMemberCodes.Split(';');

    public string ProjectName { get; private set; }

    /// <summary>Code (slug) of the stedelijk focusgebied the project lies in; null for another area.</summary>
    public string? FocusgebiedCode { get; private set; }

    public string? FocusgebiedName { get; private set; }

    public string? OtherAreaDescription { get; private set; }

    public int SocialeHuur { get; private set; }

    public int Middenhuur { get; private set; }

    public int BetaalbareKoop { get; private set; }

    public int OtherHomes { get; private set; }

    public HomesByCategory Homes => new(SocialeHuur, Middenhuur, BetaalbareKoop, OtherHomes);

    public Money? MaxKoopPrice { get; private set; }

    public Money? InvestmentVolume { get; private set; }

    public Money FinancialDeficit { get; private set; }

    public Money RequestedAmount { get; private set; }

    public Money OwnContribution { get; private set; }

    public Money GemeenteProjectCosts { get; private set; }

    public Money? PrimaryActivitiesAmount { get; private set; }

    public Money? SecondaryActivitiesAmount { get; private set; }

    public DateOnly PlannedConstructionStart { get; private set; }

    public DateOnly PlannedCompletion { get; private set; }

    public ResidentsInterests? ResidentsInterests { get; private set; }

    public bool IsHerkansing { get; private set; }

    public string? PreviousApplicationReference { get; private set; }

    public bool StudentHousing { get; private set; }

    /// <summary>Recorded by the loket: the earlier application this one is a herkansing of.</summary>
    public Guid? HerkansingOfApplicationId { get; private set; }

    /// <summary>The loket's judgement whether the herkansing concerns the same project; null until it judged.</summary>
    public bool? HerkansingSameProject { get; private set; }

    public string? HerkansingRecordedBy { get; private set; }

    public DateTimeOffset? HerkansingRecordedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The committee's scores per criterion, as JSON (criterion -> score); null until scored.</summary>
    public string? ScoresJson { get; private set; }

    /// <summary>Exact weighted total of the scores (ScoreSheet.Total).</summary>
    public decimal? TotalScore { get; private set; }

    public CommitteeAdvice? Advice { get; private set; }

    public Money? AwardedAmount { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    public static FundingApplication Draft(Guid caseId, Guid trancheId, ApplicationProposal proposal, string? focusgebiedCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var application = new FundingApplication { Id = caseId, TrancheId = trancheId, Regeling = proposal.Regeling, CreatedAt = now };
        application.Apply(proposal, focusgebiedCode);
        return application;
    }

    /// <summary>Replaces the filed facts. The caller checks that the case is still in concept.</summary>
    public void Revise(ApplicationProposal proposal, string? focusgebiedCode)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (SubmittedAt is not null)
        {
            throw new BusinessRuleViolationException(new BrokenRule("AANVRAAG-AL-INGEDIEND", "Een ingediende aanvraag kan niet meer worden gewijzigd.", "Awb art. 4:1 (ontwerpkeuze: wijzigen alleen in concept)"));
        }

        if (proposal.Regeling != Regeling)
        {
            throw new ArgumentException("An application cannot change regeling.", nameof(proposal));
        }

        Apply(proposal, focusgebiedCode);
    }

    public ApplicationProposal ToProposal() => new()
    {
        Regeling = Regeling,
        ApplicantCbsCode = ApplicantCbsCode,
        JointMemberCbsCodes = JointMemberCbsCodes,
        ProjectName = ProjectName,
        Area = new ProjectArea(FocusgebiedName, OtherAreaDescription),
        Homes = Homes,
        MaxKoopPrice = MaxKoopPrice,
        InvestmentVolume = InvestmentVolume,
        FinancialDeficit = FinancialDeficit,
        RequestedAmount = RequestedAmount,
        OwnContribution = OwnContribution,
        GemeenteProjectCosts = GemeenteProjectCosts,
        PrimaryActivitiesAmount = PrimaryActivitiesAmount,
        SecondaryActivitiesAmount = SecondaryActivitiesAmount,
        PlannedConstructionStart = PlannedConstructionStart,
        PlannedCompletion = PlannedCompletion,
        ResidentsInterests = ResidentsInterests,
        StudentHousing = StudentHousing,
        IsHerkansing = IsHerkansing,
        PreviousApplicationReference = PreviousApplicationReference,
    };

    public void MarkSubmitted(DateTimeOffset at)
    {
        if (SubmittedAt is not null)
        {
            throw new InvalidOperationException($"Application {Id} was already submitted at {SubmittedAt:O}.");
        }

        SubmittedAt = at;
    }

    /// <summary>The committee's advice as its chair records it: the score the ranking uses (the members' mean or an agreed score) and the mean per criterion.</summary>
    public void RecordAdvice(decimal total, string scoresJson, CommitteeAdvice advice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scoresJson);
        ScoresJson = scoresJson;
        TotalScore = total;
        Advice = advice;
    }

    public void RecordScores(ScoreSheet sheet, string scoresJson, CommitteeAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentException.ThrowIfNullOrWhiteSpace(scoresJson);
        ScoresJson = scoresJson;
        TotalScore = sheet.Total;
        Advice = advice;
    }

    /// <summary>
    /// Why an award of <paramref name="amount"/> (null: not chosen yet) cannot be decided as a full or a
    /// <paramref name="partial"/> award: every broken rule at once. A full award grants what was asked; a partial
    /// award grants less (e.g. the last ranked application when the ceiling is reached, Awb 4:25).
    /// </summary>
    public IReadOnlyList<BrokenRule> WhyNotAward(Money? amount, bool partial)
    {
        var broken = new List<BrokenRule>();
        if (amount is not { } value)
        {
            return broken;
        }

        if (value <= Money.Zero)
        {
            broken.Add(new BrokenRule("BEDRAG-ONGELDIG", $"Het toegekende bedrag {value} moet groter dan nul zijn.", "(ontwerpkeuze)"));
        }
        else if (value > RequestedAmount)
        {
            broken.Add(new BrokenRule("BEDRAG-BOVEN-AANVRAAG", $"Er kan niet meer worden toegekend ({value}) dan gevraagd ({RequestedAmount}).", "(ontwerpkeuze)"));
        }
        else if (partial && value == RequestedAmount)
        {
            broken.Add(new BrokenRule("GEDEELTELIJK-MAAR-VOLLEDIG", $"Het bedrag {value} is het hele gevraagde bedrag: dat is een volledige toekenning, geen gedeeltelijke.", "(ontwerpkeuze)"));
        }
        else if (!partial && value < RequestedAmount)
        {
            broken.Add(new BrokenRule("VOLLEDIG-MAAR-MINDER", $"Een volledige toekenning kent het gevraagde bedrag {RequestedAmount} toe; voor {value} is het besluit een gedeeltelijke toekenning, met de reden.", "(ontwerpkeuze)"));
        }

        return broken;
    }

    /// <summary>
    /// What an award of <paramref name="amount"/> adds to the round's commitments: the whole amount for a first
    /// award, the difference for a new decision after an objection (negative: money is released).
    /// </summary>
    public Money CommitmentChangeFor(Money amount) => amount - (AwardedAmount ?? Money.Zero);

    public void RecordAward(Money amount, DateTimeOffset at)
    {
        if (AwardedAmount is not null)
        {
            throw new BusinessRuleViolationException(new BrokenRule("AL-TOEGEKEND", $"Aan deze aanvraag is al {AwardedAmount} toegekend.", "(ontwerpkeuze)"));
        }

        if (amount <= Money.Zero || amount > RequestedAmount)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "BEDRAG-ONGELDIG", $"Het toegekende bedrag {amount} moet groter dan nul zijn en ten hoogste het gevraagde bedrag {RequestedAmount}.", "(ontwerpkeuze)"));
        }

        AwardedAmount = amount;
        AwardedAt = at;
    }

    /// <summary>
    /// The loket records which earlier application this herkansing refers to and whether it is the same project.
    /// The earlier reference replaces what the gemeente filed: the admission rule judges the loket's link.
    /// </summary>
    public void RecordHerkansingLink(Guid previousApplicationId, string previousReference, bool sameProject, string recordedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(previousReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        if (!IsHerkansing)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "GEEN-HERKANSING", "Deze aanvraag is niet als herkansing ingediend.", "Regeling Woningbouwimpuls 2020 art. 4 (herkansing)"));
        }

        if (previousApplicationId == Id)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "HERKANSING-VAN-ZICHZELF", "Een aanvraag kan geen herkansing van zichzelf zijn.", "Regeling Woningbouwimpuls 2020 art. 4 (herkansing)"));
        }

        HerkansingOfApplicationId = previousApplicationId;
        PreviousApplicationReference = previousReference;
        HerkansingSameProject = sameProject;
        HerkansingRecordedBy = recordedBy;
        HerkansingRecordedAt = at;
    }

    /// <summary>
    /// Why the award (if there is one) cannot be revised to <paramref name="amount"/> (zero: revoked): not between zero and
    /// the requested amount, or below what has been paid out on it. Null when it can, or when there is no award yet.
    /// </summary>
    public BrokenRule? WhyNotRevise(Money amount, Money alreadyPaidOut)
    {
        if (AwardedAmount is null)
        {
            return null;
        }

        if (amount.IsNegative || amount > RequestedAmount)
        {
            return new BrokenRule("BEDRAG-ONGELDIG", $"Het nieuwe bedrag {amount} ligt niet tussen nul en het gevraagde bedrag {RequestedAmount}.", "(ontwerpkeuze)");
        }

        return amount < alreadyPaidOut
            ? new BrokenRule(
                "TOEKENNING-ONDER-BETAALD",
                $"De toekenning kan niet naar {amount}: er is al {alreadyPaidOut} van uitbetaald. Vorder eerst terug en verlaag dan tot ten minste dat bedrag.",
                "Ontwerpkeuze: een verplichting valt nooit vrij onder wat is uitbetaald")
            : null;
    }

    /// <summary>
    /// A new decision on the award after an objection (heroverweging): a different amount, or zero when it is
    /// revoked. Never below what has already been paid out on it. Returns the change (negative: money released).
    /// </summary>
    public Money ReviseAward(Money amount, Money alreadyPaidOut, DateTimeOffset at)
    {
        if (AwardedAmount is not { } before)
        {
            throw new InvalidOperationException($"Application {Id} has no award to revise.");
        }

        if (WhyNotRevise(amount, alreadyPaidOut) is { } broken)
        {
            throw new BusinessRuleViolationException(broken);
        }

        AwardedAmount = amount == Money.Zero ? null : amount;
        AwardedAt = at;
        return amount - before;
    }

    private void Apply(ApplicationProposal p, string? focusgebiedCode)
    {
        ApplicantCbsCode = p.ApplicantCbsCode;
        JointMemberCodes = string.Join(';', p.JointMemberCbsCodes);
        ProjectName = p.ProjectName;
        FocusgebiedCode = focusgebiedCode;
        FocusgebiedName = p.Area.FocusgebiedName;
        OtherAreaDescription = p.Area.Description;
        SocialeHuur = p.Homes.SocialeHuur;
        Middenhuur = p.Homes.Middenhuur;
        BetaalbareKoop = p.Homes.BetaalbareKoop;
        OtherHomes = p.Homes.Other;
        MaxKoopPrice = p.MaxKoopPrice;
        InvestmentVolume = p.InvestmentVolume;
        FinancialDeficit = p.FinancialDeficit;
        RequestedAmount = p.RequestedAmount;
        OwnContribution = p.OwnContribution;
        GemeenteProjectCosts = p.GemeenteProjectCosts;
        PrimaryActivitiesAmount = p.PrimaryActivitiesAmount;
        SecondaryActivitiesAmount = p.SecondaryActivitiesAmount;
        PlannedConstructionStart = p.PlannedConstructionStart;
        PlannedCompletion = p.PlannedCompletion;
        ResidentsInterests = p.ResidentsInterests;
        StudentHousing = p.StudentHousing;
        IsHerkansing = p.IsHerkansing;
        PreviousApplicationReference = p.PreviousApplicationReference;
    }
}
