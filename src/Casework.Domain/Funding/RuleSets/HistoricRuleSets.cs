using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// The rule sets of the rounds seeded from tranches.csv, with the values and sources of docs/domain.md.
/// Where docs/domain.md gives no value for a round, a parameter every round needs (terms) takes the nearest
/// documented value, marked "stand-in". A rule docs/domain.md introduces "from" a round flows forward to later
/// rounds, never backward; a rule it ties to one round (VHF 2021's one award per gemeente) stays there.
/// </summary>
public static class HistoricRuleSets
{
    /// <summary>The reference list (woningmarktregios.csv) of the 13 housing-market regions of WBI T3.</summary>
    public const string WbiT3RegionSet = "wbi-t3";

    public const string Wbi2025ScoringSource = "Stcrt. 2025-23040 (weging vanaf 1 augustus 2025)";

    private const string RegelingWbi = "Regeling Woningbouwimpuls 2020 (Stcrt. 2020, 28062)";
    private const string WbiAmendment2022 = "Regeling Woningbouwimpuls 2020, gewijzigd bij Stcrt. 2022-17708";
    private const string WbiAmendment2023 = "Regeling Woningbouwimpuls 2020, gewijzigd bij Stcrt. 2023-31609";
    private const string VhfRegeling2023 =
        "Meerjarige regeling specifieke uitkering herstructurering volkshuisvesting (Stcrt. 2023-17370)";
    private const string VhfAmendment2024 = "Stcrt. 2024-15432 (wijziging van 13 mei 2024)";

    /// <summary>Criteria and weights of the WBI from 1 August 2025; each criterion scored 1-10.</summary>
    public static ScoringScheme WbiScoring2025 { get; } = new(
        [
            new ScoringCriterion("noodzaak", 0.30m),
            new ScoringCriterion("effectiviteit", 0.30m),
            new ScoringCriterion("efficientie", 0.15m),
            new ScoringCriterion("urgentie", 0.25m),
        ],
        Wbi2025ScoringSource);

    private static readonly Dictionary<(Regeling, string), FundingRuleSet> RuleSets = Build()
        .ToDictionary(r => (r.Regeling, r.Round));

    public static IReadOnlyCollection<FundingRuleSet> All => RuleSets.Values;

    public static FundingRuleSet For(Regeling regeling, string round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return RuleSets.TryGetValue((regeling, round), out var ruleSet)
            ? ruleSet
            : throw new KeyNotFoundException($"No rule set for {regeling} round '{round}'.");
    }

    private static IEnumerable<FundingRuleSet> Build()
    {
        var vhf2021 = new FundingRuleSet
        {
            RuleSetVersion = 1,
            Regeling = Regeling.Vhf,
            Round = "2021",
            WindowSource = "RVO, Volkshuisvestingsfonds 2021 (aanvraagperiode 3-19 mei 2021)",
            MinimumHomes = new MinimumHomesParameter
            {
                Homes = 200,
                Source = "RVO, Volkshuisvestingsfonds 2021, toelatingscriteria (ten minste 200 woningen of EUR 7,5 mln)",
            },
            AlternativeMinimumVolume = new(
                Money.Euro(7_500_000m),
                "RVO, Volkshuisvestingsfonds 2021, toelatingscriteria (ten minste 200 woningen of EUR 7,5 mln)"),
            OwnContributionShareOfDeficit = new(
                0.30m, "RVO, Volkshuisvestingsfonds 2021, toelatingscriteria (cofinanciering ten minste 30%)"),
            ProjectCostCapShareOfRequest = new(
                0.10m, "RVO, Volkshuisvestingsfonds 2021, toelatingscriteria (projectkosten ten hoogste 10% van de aanvraag)"),
            OneAwardPerGemeente = new(true, "RVO, Volkshuisvestingsfonds 2021; nul20.nl (ten hoogste één uitkering per gemeente)"),
            Scoring = ScoringScheme.None("Toetsingscommissie VHF: positief/negatief advies en rangschikking (kst 32847-810)"),
            Beslistermijn = BeslistermijnParameter.Awb413Lid2,
            // Stand-in: 2021 sets only a duration of at most 10 years; the start term is the 2023 one.
            StartConstructionYears = new(2, "Stand-in uit VHF 2023 (secundaire bron: start binnen 2 jaar)"),
            CompletionYears = new(10, "RVO, Volkshuisvestingsfonds 2021 (looptijd ten hoogste 10 jaar)"),
        };

        var vhf2023 = vhf2021 with
        {
            Round = "2023",
            WindowSource = $"{VhfRegeling2023}; RVO, aanvraagperiode 1 juli - 16 oktober 2023",
            MinimumHomes = new MinimumHomesParameter
            {
                Homes = 50,
                HomesInStedelijkFocusgebied = 100,
                Source = $"{VhfRegeling2023}; contourenbrief 23-01-2023 (ten minste 50 woningen, of 100 in een stedelijk focusgebied)",
            },
            AlternativeMinimumVolume = null,
            OwnContributionShareOfDeficit = new(
                0.30m, $"{VhfRegeling2023} (cofinanciering ten minste 30% van het financiële tekort; secundaire bron)"),
            // docs/domain.md documents the 10% project-cost cap for 2021 only; from 2023 project costs are not capped
            // separately (from round 4 they count as secondary activities).
            ProjectCostCapShareOfRequest = null,
            MaximumAmountPerApplication = new MaximumAmountParameter
            {
                FixedAmount = Money.Euro(28_000_000m),
                Source = "Stcrt. 2023-17370 art. 4(2)(a)",
            },
            OneAwardPerGemeente = null,
            StartConstructionYears = new(2, $"{VhfRegeling2023} (secundaire bron: start binnen 2 jaar)"),
            CompletionYears = new(10, $"{VhfRegeling2023} (secundaire bron: gereed binnen 10 jaar)"),
        };

        // Assumption: round 3's window (not in tranches.csv) closed before the amendment of 13 May 2024,
        // so the fixed EUR 28M maximum still applied.
        var vhf2024R3 = vhf2023 with
        {
            Round = "2024-R3",
            WindowSource = $"{VhfRegeling2023} (ronde 3, 2024)",
        };

        var vhf2024R4 = vhf2023 with
        {
            Round = "2024-R4",
            WindowSource = $"{VhfRegeling2023}; RVO, aanvraagperiode 3 juni - 1 oktober 2024",
            MaximumAmountPerApplication = new MaximumAmountParameter
            {
                ShareOfCeiling = 0.10m,
                Source = $"Stcrt. 2023-17370 art. 4(2)(a), gewijzigd bij {VhfAmendment2024} (ten hoogste 10% van het plafond)",
            },
            PrimaryActivitiesShareMinimum = new(
                0.70m, $"{VhfRegeling2023}, gewijzigd bij {VhfAmendment2024} (vanaf ronde 4: ten minste 70% primaire activiteiten)"),
            PriorityPoints = new PriorityPointsParameter
            {
                Points = 5m,
                Source = $"{VhfRegeling2023}, gewijzigd bij {VhfAmendment2024} (vanaf ronde 4: 5 prioriteitspunten voor een gemeente " +
                    "zonder eerdere toekenning die eerder 'voldoende' scoorde, alleen als de aanvraag ook zonder die punten voldoende is)",
            },
        };

        var wbiT1 = new FundingRuleSet
        {
            RuleSetVersion = 1,
            Regeling = Regeling.Wbi,
            Round = "T1",
            WindowSource = "Besluit Woningbouwimpuls 2020 (Stb. 2020, 141) art. 3(2), 4(1)",
            MinimumHomes = new MinimumHomesParameter
            {
                Homes = 500,
                Source = $"{RegelingWbi} art. 2 (ten minste 500 woningen)",
            },
            AffordableShareMinimum = new(0.50m, $"{RegelingWbi} art. 2 (ten minste 50% betaalbare woningen)"),
            OwnContributionShareOfDeficit = new(
                0.50m, $"{RegelingWbi} art. 2 (eigen bijdrage ten minste 50% van het aantoonbare financiële tekort)"),
            Herkansing = new(17, $"{RegelingWbi} art. 4 (herkansing: afgewezen in het vorige tijdvak, zelfde project, binnen 17 weken)"),
            // Stand-in: weights before 1 August 2025 are not documented; the 2025 weights are the nearest.
            Scoring = WbiScoring2025 with { Source = $"Stand-in: {Wbi2025ScoringSource}; eerdere weging niet gedocumenteerd" },
            Beslistermijn = BeslistermijnParameter.Awb413Lid2,
            StartConstructionYears = new(3, $"{RegelingWbi} art. 2 (eerste bouw binnen 3 jaar na het besluit)"),
            CompletionYears = new(10, $"{RegelingWbi} art. 2 (alle woningen binnen 10 jaar na het besluit)"),
        };

        var wbiT2 = wbiT1 with { Round = "T2" };

        var wbiT3 = wbiT1 with
        {
            Round = "T3",
            MinimumHomes = new MinimumHomesParameter
            {
                Homes = 200,
                HomesInDesignatedRegion = 500,
                DesignatedRegionSet = WbiT3RegionSet,
                Source = $"{RegelingWbi} art. 2 (500 woningen in 13 aangewezen woningmarktregio's, elders 200)",
            },
        };

        var wbiT4 = wbiT1 with
        {
            Round = "T4",
            MinimumHomes = new MinimumHomesParameter
            {
                Homes = 200,
                InhabitantsThreshold = 50_000,
                HomesAboveThreshold = 500,
                PopulationReference = PopulationReference.CbsFigureAtRoundAnnouncement,
                Source = $"{WbiAmendment2022}, art. 2 (500 woningen bij meer dan 50.000 inwoners volgens CBS bij aankondiging, anders 200)",
            },
            MaxApplicationsPerGemeente = new(3, $"{WbiAmendment2022} (ten hoogste 3 aanvragen per gemeente per tijdvak)"),
        };

        var wbiT5 = wbiT4 with
        {
            Round = "T5",
            KoopPriceLimit = new(Money.Euro(355_000m), $"{WbiAmendment2022}, art. 2 (koopprijsgrens EUR 355.000 vanaf T5)"),
        };

        var wbiT6 = wbiT5 with
        {
            Round = "T6",
            MinimumHomes = new MinimumHomesParameter
            {
                Homes = 200,
                Source = $"{WbiAmendment2023}, art. 2 (ten minste 200 woningen voor elke gemeente)",
            },
            PriorityBudget = new PriorityBudgetParameter
            {
                Category = PriorityCategory.StudentHousing,
                Amount = Money.Euro(20_000_000m),
                Source = $"{WbiAmendment2023} (tijdvak 6: EUR 20 mln van het plafond met voorrang voor studentenhuisvesting)",
            },
        };

        return [vhf2021, vhf2023, vhf2024R3, vhf2024R4, wbiT1, wbiT2, wbiT3, wbiT4, wbiT5, wbiT6];
    }
}
