using Casework.Domain.Funding;
using Casework.Domain.Tests.Funding.Builders;

namespace Casework.Domain.Tests.Funding;

public class AdmissionRulesTests
{
    private static List<string> BrokenCodes(ApplicationBuilder application, AdmissionContextBuilder context) =>
        AdmissionRules.Evaluate(application.Build(), context.Build()).Select(r => r.Code).ToList();

    [Fact]
    public void Evaluate_WhenDefaultsUsedInEverySeededRound_NothingIsBroken()
    {
        foreach (var ruleSet in HistoricRuleSets.All)
        {
            var application = ruleSet.Regeling == Regeling.Wbi ? ApplicationBuilder.Wbi().WithHomes(600) : ApplicationBuilder.Vhf();
            var context = AdmissionContextBuilder.For(ruleSet.Regeling, ruleSet.Round).WithPopulation(40_000, new DateOnly(2023, 1, 1));

            Assert.True(BrokenCodes(application, context).Count == 0, $"{ruleSet.Regeling} {ruleSet.Round}: {string.Join(", ", BrokenCodes(application, context))}");
        }
    }

    [Theory]
    [InlineData(199, true)]
    [InlineData(200, false)]
    public void Evaluate_WhenWbiT6ProjectHasHomesAroundMinimum_BrokenOnlyBelow200(int homes, bool broken)
    {
        var codes = BrokenCodes(ApplicationBuilder.Wbi().WithHomes(homes), AdmissionContextBuilder.WbiT6());

        Assert.Equal(broken, codes.Contains("WBI-MIN-WONINGEN"));
    }

    [Theory]
    [InlineData(499, true)]
    [InlineData(500, false)]
    public void Evaluate_WhenWbiT4GemeenteAbove50000HasHomesAroundMinimum_BrokenOnlyBelow500(int homes, bool broken)
    {
        var context = AdmissionContextBuilder.WbiT4().WithPopulation(918_117, new DateOnly(2023, 1, 1));

        var codes = BrokenCodes(ApplicationBuilder.Wbi().WithHomes(homes), context);

        Assert.Equal(broken, codes.Contains("WBI-MIN-WONINGEN"));
    }

    [Fact]
    public void Evaluate_WhenWbiMinimumHomesBroken_MessageNamesHomesPopulationAndMinimum()
    {
        var context = AdmissionContextBuilder.WbiT4().WithPopulation(918_117, new DateOnly(2022, 1, 1));

        var broken = AdmissionRules.Evaluate(ApplicationBuilder.Wbi().WithHomes(499).Build(), context.Build()).Single();

        Assert.Equal(
            "Het project telt 499 woningen; voor een gemeente met meer dan 50.000 inwoners (CBS 1-1-2022: 918.117) is het minimum 500.",
            broken.Message);
        Assert.Contains("Stcrt. 2022-17708", broken.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenSameProjectOf300HomesIn60000Gemeente_PassesT6AndFailsT4()
    {
        var project = ApplicationBuilder.Wbi().WithHomes(300);
        var population = new PopulationFact(60_000, new DateOnly(2022, 1, 1));

        var underT6 = BrokenCodes(project, AdmissionContextBuilder.WbiT6().WithPopulation(population));
        var underT4 = BrokenCodes(project, AdmissionContextBuilder.WbiT4().WithPopulation(population));

        Assert.DoesNotContain("WBI-MIN-WONINGEN", underT6);
        Assert.Contains("WBI-MIN-WONINGEN", underT4);
    }

    [Theory]
    [InlineData(50_000, false)]
    [InlineData(50_001, true)]
    public void Evaluate_WhenT4GemeenteHasExactlyThresholdInhabitants_200HomesSuffice(int inhabitants, bool broken)
    {
        var context = AdmissionContextBuilder.WbiT4().WithPopulation(inhabitants, new DateOnly(2023, 1, 1));

        var codes = BrokenCodes(ApplicationBuilder.Wbi().WithHomes(300), context);

        Assert.Equal(broken, codes.Contains("WBI-MIN-WONINGEN"));
    }

    [Fact]
    public void Evaluate_WhenT4PopulationUnknown_MinimumHomesRuleIsBroken()
    {
        var codes = BrokenCodes(ApplicationBuilder.Wbi().WithHomes(600), AdmissionContextBuilder.WbiT4());

        Assert.Contains("WBI-MIN-WONINGEN", codes);
    }

    [Theory]
    [InlineData(499, true, true)]
    [InlineData(500, true, false)]
    [InlineData(200, false, false)]
    [InlineData(199, false, true)]
    public void Evaluate_WhenT3ProjectInOrOutsideDesignatedRegion_MinimumIs500Or200(int homes, bool inRegion, bool broken)
    {
        var context = AdmissionContextBuilder.For(Regeling.Wbi, "T3");
        if (inRegion)
        {
            context.InDesignatedHousingMarketRegion();
        }

        Assert.Equal(broken, BrokenCodes(ApplicationBuilder.Wbi().WithHomes(homes), context).Contains("WBI-MIN-WONINGEN"));
    }

    [Fact]
    public void Evaluate_WhenPopulationTakenAtAnnouncement_FigureInForceThenDecides()
    {
        var figures = new[] { new PopulationFact(49_000, new DateOnly(2023, 1, 1)), new PopulationFact(51_000, new DateOnly(2024, 1, 1)) };
        var project = ApplicationBuilder.Wbi().WithHomes(300);
        var announcedBeforeNewFigure = new DateOnly(2023, 11, 6);
        var announcedAfterNewFigure = new DateOnly(2024, 3, 1);

        var early = BrokenCodes(project, AdmissionContextBuilder.WbiT4()
            .AnnouncedOn(announcedBeforeNewFigure).WithPopulation(PopulationFact.InForceOn(figures, announcedBeforeNewFigure)));
        var late = BrokenCodes(project, AdmissionContextBuilder.WbiT4()
            .AnnouncedOn(announcedAfterNewFigure).WithPopulation(PopulationFact.InForceOn(figures, announcedAfterNewFigure)));

        Assert.DoesNotContain("WBI-MIN-WONINGEN", early);
        Assert.Contains("WBI-MIN-WONINGEN", late);
    }

    [Fact]
    public void Evaluate_WhenFigureIsNewerThanAnnouncement_RefusesToJudgeOnIt()
    {
        var context = AdmissionContextBuilder.WbiT4().AnnouncedOn(new DateOnly(2023, 11, 6)).WithPopulation(new PopulationFact(51_000, new DateOnly(2024, 1, 1)));

        Assert.Throws<ArgumentException>(() => AdmissionRules.Evaluate(ApplicationBuilder.Wbi().Build(), context.Build()));
    }

    [Fact]
    public void Evaluate_WhenStandInFigureUsedForRoundAnnouncedBefore2023_MessageSaysSo()
    {
        var standIn = PopulationFact.InForceOn([new PopulationFact(918_117, new DateOnly(2023, 1, 1))], new DateOnly(2022, 7, 4));
        var context = AdmissionContextBuilder.WbiT4().WithPopulation(standIn);

        var broken = AdmissionRules.Evaluate(ApplicationBuilder.Wbi().WithHomes(300).Build(), context.Build()).Single();

        Assert.Contains("CBS 1-1-2023: 918.117, bij gebrek aan een eerder cijfer", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InForceOn_WhenRoundAnnouncedBeforeAnyFigure_EarliestStandsInAndIsMarked()
    {
        var figures = new[] { new PopulationFact(51_000, new DateOnly(2024, 1, 1)), new PopulationFact(49_000, new DateOnly(2023, 1, 1)) };

        var used = PopulationFact.InForceOn(figures, new DateOnly(2022, 7, 4));

        Assert.Equal(49_000, used.Inhabitants);
        Assert.True(used.IsStandIn);
    }

    [Fact]
    public void InForceOn_WhenAnnouncedOnReferenceDate_ThatFigureIsUsed()
    {
        var figures = new[] { new PopulationFact(49_000, new DateOnly(2023, 1, 1)), new PopulationFact(51_000, new DateOnly(2024, 1, 1)) };

        var used = PopulationFact.InForceOn(figures, new DateOnly(2024, 1, 1));

        Assert.Equal(51_000, used.Inhabitants);
        Assert.False(used.IsStandIn);
    }

    [Theory]
    [InlineData(4_999, true)]
    [InlineData(5_000, false)]
    public void Evaluate_WhenAffordableShareIs49_99Or50Percent_BrokenOnlyBelow50(int affordable, bool broken)
    {
        var application = ApplicationBuilder.Wbi().WithHomes(socialeHuur: affordable, middenhuur: 0, betaalbareKoop: 0, other: 10_000 - affordable);

        var result = AdmissionRules.Evaluate(application.Build(), AdmissionContextBuilder.WbiT6().Build());

        Assert.Equal(broken, result.Any(r => r.Code == "WBI-BETAALBAAR-AANDEEL"));
        if (broken)
        {
            Assert.Contains("49,99%", result.Single(r => r.Code == "WBI-BETAALBAAR-AANDEEL").Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_WhenAffordableHomesAreMixedCategories_AllThreeCount()
    {
        var application = ApplicationBuilder.Wbi().WithHomes(socialeHuur: 100, middenhuur: 50, betaalbareKoop: 50, other: 200).WithMaxKoopPrice(300_000m);

        Assert.DoesNotContain("WBI-BETAALBAAR-AANDEEL", BrokenCodes(application, AdmissionContextBuilder.WbiT6()));
        Assert.Contains("WBI-BETAALBAAR-AANDEEL", BrokenCodes(
            ApplicationBuilder.Wbi().WithHomes(socialeHuur: 100, middenhuur: 50, betaalbareKoop: 49, other: 201).WithMaxKoopPrice(300_000m),
            AdmissionContextBuilder.WbiT6()));
    }

    [Theory]
    [InlineData(499_900, true)]
    [InlineData(500_000, false)]
    public void Evaluate_WhenOwnContributionIs49_99Or50PercentOfDeficit_BrokenOnlyBelow50(decimal contribution, bool broken)
    {
        var application = ApplicationBuilder.Wbi().WithDeficit(1_000_000m).WithOwnContribution(contribution).Requesting(500_000m);

        var result = AdmissionRules.Evaluate(application.Build(), AdmissionContextBuilder.WbiT6().Build());

        Assert.Equal(broken, result.Any(r => r.Code == "WBI-EIGEN-BIJDRAGE"));
    }

    [Fact]
    public void Evaluate_WhenOwnContributionOneCentShort_RuleIsBroken()
    {
        var application = ApplicationBuilder.Wbi().WithDeficit(1_000_000m).WithOwnContribution(499_999.99m);

        Assert.Contains("WBI-EIGEN-BIJDRAGE", BrokenCodes(application, AdmissionContextBuilder.WbiT6()));
    }

    [Theory]
    [InlineData(299_999.99, true)]
    [InlineData(300_000, false)]
    public void Evaluate_WhenVhfCoFinancingAround30Percent_BrokenOnlyBelow30(decimal contribution, bool broken)
    {
        var application = ApplicationBuilder.Vhf().WithDeficit(1_000_000m).WithOwnContribution(contribution).Requesting(700_000m);

        Assert.Equal(broken, BrokenCodes(application, AdmissionContextBuilder.Vhf2023()).Contains("VHF-EIGEN-BIJDRAGE"));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Evaluate_WhenGemeenteFilesItsThirdOrFourthApplicationInT4_BrokenOnlyForFourth(int alreadySubmitted, bool broken)
    {
        var context = AdmissionContextBuilder.WbiT4().WithPopulation(40_000, new DateOnly(2023, 1, 1)).WithApplicationsAlreadySubmitted(alreadySubmitted);

        var result = AdmissionRules.Evaluate(ApplicationBuilder.Wbi().Build(), context.Build());

        Assert.Equal(broken, result.Any(r => r.Code == "WBI-MAX-AANVRAGEN"));
    }

    [Fact]
    public void Evaluate_WhenFourthApplicationInT3_NoLimitApplies()
    {
        var codes = BrokenCodes(ApplicationBuilder.Wbi().WithHomes(600), AdmissionContextBuilder.For(Regeling.Wbi, "T3").WithApplicationsAlreadySubmitted(3));

        Assert.DoesNotContain("WBI-MAX-AANVRAGEN", codes);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Evaluate_WhenSubmittedAroundWindowClose_LateOnlyAfterClosingInstant(int minutesFromClose, bool broken)
    {
        var context = AdmissionContextBuilder.WbiT4().WithPopulation(40_000, new DateOnly(2023, 1, 1));
        context.SubmittedAt(context.ClosesAt!.Value.AddMinutes(minutesFromClose));

        var result = AdmissionRules.Evaluate(ApplicationBuilder.Wbi().Build(), context.Build());

        Assert.Equal(broken, result.Any(r => r.Code == "WBI-TIJDVAK"));
    }

    [Fact]
    public void Evaluate_WhenSubmittedOneMinuteAfterClose_MessageShowsAmsterdamTimes()
    {
        var context = AdmissionContextBuilder.WbiT4().WithPopulation(40_000, new DateOnly(2023, 1, 1));
        context.SubmittedAt(AdmissionContextBuilder.Local("2022-09-26T00:00"));

        var broken = AdmissionRules.Evaluate(ApplicationBuilder.Wbi().Build(), context.Build()).Single();

        Assert.Equal("De aanvraag is ingediend op 26-9-2022 00:00; het tijdvak sloot op 25-9-2022 23:59.", broken.Message);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    public void Evaluate_WhenSubmittedAroundWindowOpening_EarlyOnlyBeforeOpeningInstant(int minutesFromOpen, bool broken)
    {
        var context = AdmissionContextBuilder.WbiT6();
        context.SubmittedAt(context.OpensAt.AddMinutes(minutesFromOpen));

        Assert.Equal(broken, BrokenCodes(ApplicationBuilder.Wbi(), context).Contains("WBI-TIJDVAK"));
    }

    [Theory]
    [InlineData(49, false, true)]
    [InlineData(50, false, false)]
    [InlineData(99, true, true)]
    [InlineData(100, true, false)]
    public void Evaluate_WhenVhf2023ProjectInOrOutsideStedelijkFocusgebied_MinimumIs100Or50(int homes, bool focusgebied, bool broken)
    {
        var application = ApplicationBuilder.Vhf().WithHomes(homes);
        var context = AdmissionContextBuilder.Vhf2023();
        if (focusgebied)
        {
            application.InFocusgebied("Utrecht Overvecht");
            context.InStedelijkFocusgebied();
        }

        Assert.Equal(broken, BrokenCodes(application, context).Contains("VHF-MIN-WONINGEN"));
    }

    [Theory]
    [InlineData(199, null, true)]
    [InlineData(199, 7_499_999.99, true)]
    [InlineData(199, 7_500_000.0, false)]
    [InlineData(200, null, false)]
    public void Evaluate_WhenVhf2021ProjectHasHomesOrVolume_EitherSuffices(int homes, double? volume, bool broken)
    {
        var application = ApplicationBuilder.Vhf().WithHomes(homes);
        if (volume is { } euros)
        {
            application.WithInvestmentVolume((decimal)euros);
        }

        Assert.Equal(broken, BrokenCodes(application, AdmissionContextBuilder.For(Regeling.Vhf, "2021")).Contains("VHF-MIN-WONINGEN-OF-VOLUME"));
    }

    [Theory]
    [InlineData(100_000, false)]
    [InlineData(100_000.01, true)]
    public void Evaluate_WhenVhf2021ProjectCostsAround10PercentOfRequest_BrokenOnlyAbove(decimal costs, bool broken)
    {
        var application = ApplicationBuilder.Vhf().Requesting(1_000_000m).WithProjectCosts(costs);

        Assert.Equal(broken, BrokenCodes(application, AdmissionContextBuilder.For(Regeling.Vhf, "2021")).Contains("VHF-PROJECTKOSTEN"));
    }

    [Theory]
    [InlineData(28_000_000, false)]
    [InlineData(28_000_000.01, true)]
    public void Evaluate_WhenVhf2023RequestAroundEur28Million_BrokenOnlyAbove(decimal requested, bool broken)
    {
        var application = ApplicationBuilder.Vhf().WithDeficit(100_000_000m).WithOwnContribution(30_000_000m).Requesting(requested);

        Assert.Equal(broken, BrokenCodes(application, AdmissionContextBuilder.Vhf2023()).Contains("VHF-MAX-BEDRAG"));
    }

    [Theory]
    [InlineData(150_000_000, 15_000_000, false)]
    [InlineData(150_000_000, 15_000_000.01, true)]
    [InlineData(113_996_000, 11_399_600, false)]
    [InlineData(113_996_000, 11_399_600.01, true)]
    public void Evaluate_WhenVhfRound4Request_MaximumIs10PercentOfCeiling(decimal ceiling, decimal requested, bool broken)
    {
        var application = ApplicationBuilder.Vhf().WithDeficit(100_000_000m).WithOwnContribution(30_000_000m).Requesting(requested);
        var context = AdmissionContextBuilder.For(Regeling.Vhf, "2024-R4").WithCeiling(ceiling);

        var result = AdmissionRules.Evaluate(application.Build(), context.Build());

        Assert.Equal(broken, result.Any(r => r.Code == "VHF-MAX-BEDRAG"));
    }

    [Theory]
    [InlineData(700_000, false)]
    [InlineData(699_999.99, true)]
    public void Evaluate_WhenVhfRound4PrimaryShareAround70Percent_BrokenOnlyBelow(decimal primary, bool broken)
    {
        var application = ApplicationBuilder.Vhf().Requesting(1_000_000m).WithPrimaryActivities(primary);

        Assert.Equal(broken, BrokenCodes(application, AdmissionContextBuilder.For(Regeling.Vhf, "2024-R4")).Contains("VHF-PRIMAIRE-ACTIVITEITEN"));
    }

    [Fact]
    public void Evaluate_WhenVhf2023PrimaryShareLow_NoSplitRuleBeforeRound4()
    {
        var application = ApplicationBuilder.Vhf().Requesting(1_000_000m).WithPrimaryActivities(100_000m);

        Assert.DoesNotContain("VHF-PRIMAIRE-ACTIVITEITEN", BrokenCodes(application, AdmissionContextBuilder.Vhf2023()));
    }

    [Theory]
    [InlineData("T5", 355_000, false)]
    [InlineData("T5", 355_000.01, true)]
    [InlineData("T4", 400_000, false)]
    public void Evaluate_WhenBetaalbareKoopPriceAroundLimit_BrokenOnlyAboveFromT5(string round, decimal price, bool broken)
    {
        var application = ApplicationBuilder.Wbi().WithHomes(socialeHuur: 100, middenhuur: 0, betaalbareKoop: 100, other: 200).WithMaxKoopPrice(price);
        var context = AdmissionContextBuilder.For(Regeling.Wbi, round).WithPopulation(40_000, new DateOnly(2023, 1, 1));

        Assert.Equal(broken, BrokenCodes(application, context).Contains("WBI-KOOPPRIJSGRENS"));
    }

    [Fact]
    public void Evaluate_WhenVhf2021GemeenteAlreadyAwarded_OneAwardRuleIsBroken()
    {
        var codes = BrokenCodes(ApplicationBuilder.Vhf(), AdmissionContextBuilder.For(Regeling.Vhf, "2021").WithGemeenteAlreadyAwarded());
        var in2023 = BrokenCodes(ApplicationBuilder.Vhf(), AdmissionContextBuilder.Vhf2023().WithGemeenteAlreadyAwarded());

        Assert.Contains("VHF-EEN-UITKERING", codes);
        Assert.DoesNotContain("VHF-EEN-UITKERING", in2023);
    }

    [Fact]
    public void Evaluate_WhenPlannedStartMoreThan3YearsAfterExpectedDecision_StartRuleIsBroken()
    {
        // T6 closes 12-2-2024; + 8 weeks decision term = 8-4-2024; + 3 years = 8-4-2027.
        var onTime = ApplicationBuilder.Wbi().Planned(new DateOnly(2027, 4, 8), new DateOnly(2030, 1, 1));
        var late = ApplicationBuilder.Wbi().Planned(new DateOnly(2027, 4, 9), new DateOnly(2030, 1, 1));

        Assert.DoesNotContain("WBI-START-BOUW", BrokenCodes(onTime, AdmissionContextBuilder.WbiT6()));
        Assert.Contains("WBI-START-BOUW", BrokenCodes(late, AdmissionContextBuilder.WbiT6()));
    }

    [Fact]
    public void Evaluate_WhenPlannedCompletionMoreThan10YearsAfterExpectedDecision_CompletionRuleIsBroken()
    {
        var late = ApplicationBuilder.Wbi().Planned(new DateOnly(2025, 1, 1), new DateOnly(2034, 4, 9));

        Assert.Contains("WBI-GEREED", BrokenCodes(late, AdmissionContextBuilder.WbiT6()));
    }

    [Fact]
    public void Evaluate_WhenManyRulesBroken_ReportsEveryBrokenRuleAtOnce()
    {
        var application = ApplicationBuilder.Wbi()
            .WithHomes(socialeHuur: 40, middenhuur: 0, betaalbareKoop: 0, other: 159)
            .WithDeficit(1_000_000m).WithOwnContribution(100_000m);
        var context = AdmissionContextBuilder.WbiT6();
        context.SubmittedAt(context.ClosesAt!.Value.AddMinutes(1));

        var codes = BrokenCodes(application, context);

        Assert.Equal("WBI-BETAALBAAR-AANDEEL,WBI-EIGEN-BIJDRAGE,WBI-MIN-WONINGEN,WBI-TIJDVAK", string.Join(",", codes.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Evaluate_WhenApplicationRegelingDiffersFromRound_RegelingRuleIsBroken()
    {
        Assert.Contains("VHF-REGELING", BrokenCodes(ApplicationBuilder.Vhf(), AdmissionContextBuilder.WbiT6()));
    }

    [Fact]
    public void Evaluate_EveryBrokenRule_CarriesCodeMessageAndSource()
    {
        var application = ApplicationBuilder.Wbi().WithHomes(10).WithDeficit(1_000m).WithOwnContribution(1m);

        var broken = AdmissionRules.Evaluate(application.Build(), AdmissionContextBuilder.WbiT6().Build());

        Assert.NotEmpty(broken);
        Assert.All(broken, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Code));
            Assert.False(string.IsNullOrWhiteSpace(r.Message));
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
        });
    }

    [Fact]
    public void Evaluate_WhenAmsterdamAppliesForAProjectInRotterdamZuid_AreaOutsideItsTerritoryIsBroken()
    {
        var application = ApplicationBuilder.Vhf().From("GM0363").InFocusgebied("Rotterdam-Zuid");

        var broken = AdmissionRules.Evaluate(application.Build(), AdmissionContextBuilder.Vhf2023().InStedelijkFocusgebied().WithAreaIn("GM0599").Build());

        var rule = Assert.Single(broken);
        Assert.Equal("VHF-GEBIED-EIGEN-GEMEENTE", rule.Code);
        Assert.Contains("GM0599", rule.Message, StringComparison.Ordinal);
        Assert.Contains("Stcrt. 2023-17370", rule.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GM0599")]
    [InlineData("GM0363")]
    public void Evaluate_WhenAreaLiesInTheApplicantOrAJointMember_AreaRuleHolds(string areaGemeente)
    {
        var application = ApplicationBuilder.Vhf().From("GM0363").JointWith("GM0599").InFocusgebied("Rotterdam-Zuid");

        var codes = BrokenCodes(application, AdmissionContextBuilder.Vhf2023().InStedelijkFocusgebied().WithAreaIn(areaGemeente));

        Assert.DoesNotContain("VHF-GEBIED-EIGEN-GEMEENTE", codes);
    }
}
