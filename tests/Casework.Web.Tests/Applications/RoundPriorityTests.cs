using System.Net;
using System.Text.Json;
using Casework.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// Round rules that are data in the rule set, on the real database: VHF round 4 priority points in the ranking,
/// the WBI T6 reservation for student housing in the allocation, WBI T3's designated housing-market regions.
/// </summary>
public sealed class RoundPriorityTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
    private ApplicationsHost _host = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ranking_InVhfRound4_GemeenteWithoutAwardThatScoredSufficientBefore_GetsFivePriorityPoints()
    {
        _host = new ApplicationsHost(Amsterdam("2023-08-01 10:00"));
        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        var vhf2023 = await _host.TrancheIdAsync("Vhf", "2023");
        var r4 = await _host.TrancheIdAsync("Vhf", "2024-R4");

        // 2023: Rotterdam scores voldoende but gets nothing; Amsterdam is awarded; Den Haag gets a negative advice.
        await VhfRankedAsync("GM0599", vhf2023, 60m);
        var amsterdam2023 = await VhfRankedAsync("GM0363", vhf2023, 70m);
        await VhfRankedAsync("GM0518", vhf2023, 55m, "Negatief");
        await OkAsync(await _host.AwardConfirmedAsync(vro, amsterdam2023, new { amount = 5_000_000m, sentDate = "2023-12-01" }));

        // Round 4: without points the order would be Utrecht 63, Amsterdam 62, Den Haag 61, Rotterdam 60.
        _host.Clock.SetUtcNow(Amsterdam("2024-07-01 10:00"));
        await VhfRankedAsync("GM0599", r4, 60m);
        await VhfRankedAsync("GM0344", r4, 63m);
        await VhfRankedAsync("GM0363", r4, 62m);
        await VhfRankedAsync("GM0518", r4, 61m);

        var ranking = (await OkAsync(await vro.GetAsync($"/api/v1/tranches/{r4}"))).GetProperty("ranking").EnumerateArray().ToList();

        Assert.Equal(["GM0599", "GM0344", "GM0363", "GM0518"], ranking.Select(r => r.GetProperty("gemeente").GetString()));
        Assert.Equal([5m, 0m, 0m, 0m], ranking.Select(r => r.GetProperty("priorityPoints").GetDecimal()));
        Assert.Equal(65m, ranking[0].GetProperty("rankingScore").GetDecimal());
        Assert.Equal(60m, ranking[0].GetProperty("totalScore").GetDecimal());
    }

    [Fact]
    public async Task Ranking_InVhf2023_SameHistoryGivesNoPriorityPoints()
    {
        _host = new ApplicationsHost(Amsterdam("2023-08-01 10:00"));
        var vhf2023 = await _host.TrancheIdAsync("Vhf", "2023");
        await VhfRankedAsync("GM0599", vhf2023, 60m);

        var ranking = (await OkAsync(await (await _host.AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/tranches/{vhf2023}"))).GetProperty("ranking");

        Assert.Equal(0m, ranking[0].GetProperty("priorityPoints").GetDecimal());
    }

    [Fact]
    public async Task Allocation_InWbiT6_StudentHousingFundedFromReservationBeforeHigherRankedApplications()
    {
        _host = new ApplicationsHost(Amsterdam("2024-01-10 10:00"));
        var t6 = await _host.TrancheIdAsync("Wbi", "T6");
        var first = await _host.ToRankingAsync("GM0599", Requesting(t6, 60_000_000m), Scores);
        var second = await _host.ToRankingAsync("GM0363", Requesting(t6, 40_000_000m), Minus(1));
        var student = await _host.ToRankingAsync("GM0344", Requesting(t6, 20_000_000m).With(a => a.StudentHousing = true), Minus(2));
        await _host.SetLedgerAsync(t6, 100_000_000_00L, 0);

        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        var proposal = (await OkAsync(await SendAsync(vro, HttpMethod.Post, $"/api/v1/tranches/{t6}/allocation", null))).EnumerateArray()
            .ToDictionary(p => p.GetProperty("applicationId").GetGuid());
        var ranking = (await OkAsync(await vro.GetAsync($"/api/v1/tranches/{t6}"))).GetProperty("ranking").EnumerateArray()
            .ToDictionary(r => r.GetProperty("applicationId").GetGuid());

        Assert.Equal(("toekennen", 20_000_000m), Outcome(proposal[student]));
        Assert.Equal(("toekennen", 60_000_000m), Outcome(proposal[first]));
        Assert.Equal(("gedeeltelijkToekennen", 20_000_000m), Outcome(proposal[second]));
        Assert.True(ranking[student].GetProperty("priorityBudget").GetBoolean());
        Assert.False(ranking[first].GetProperty("priorityBudget").GetBoolean());
        Assert.True((await OkAsync(await vro.GetAsync($"/api/v1/applications/{student}"))).GetProperty("studentHousing").GetBoolean());
    }

    [Fact]
    public async Task Allocation_InWbiT6_WithoutStudentHousingLastRankedGetsNothing()
    {
        _host = new ApplicationsHost(Amsterdam("2024-01-10 10:00"));
        var t6 = await _host.TrancheIdAsync("Wbi", "T6");
        await _host.ToRankingAsync("GM0599", Requesting(t6, 60_000_000m), Scores);
        await _host.ToRankingAsync("GM0363", Requesting(t6, 40_000_000m), Minus(1));
        var last = await _host.ToRankingAsync("GM0344", Requesting(t6, 20_000_000m), Minus(2));
        await _host.SetLedgerAsync(t6, 100_000_000_00L, 0);

        var proposal = (await OkAsync(await SendAsync(await _host.AsAsync("VRO", "Beoordelaar"), HttpMethod.Post, $"/api/v1/tranches/{t6}/allocation", null)))
            .EnumerateArray().Single(p => p.GetProperty("applicationId").GetGuid() == last);

        Assert.Equal("afwijzen", proposal.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("GM0599", 499, false)]
    [InlineData("GM0599", 500, true)]
    [InlineData("GM0363", 200, true)]
    [InlineData("GM0363", 199, false)]
    public async Task Submit_InWbiT3_MinimumDependsOnDesignatedRegionReferenceData(string gemeente, int homes, bool admitted)
    {
        _host = new ApplicationsHost(Amsterdam("2021-09-05 10:00"));
        var t3 = await _host.TrancheIdAsync("Wbi", "T3");
        await _host.DbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO DesignatedRegionMembers (RegionSet, GemeenteCbsCode, Region) VALUES ('wbi-t3', 'GM0599', 'Testregio')"));
        var created = await _host.CreateAsync(gemeente, ApplicationBuilder.Wbi(t3).WithHomes(homes)
            .With(a => { a.Start = new DateOnly(2022, 6, 1); a.Completion = new DateOnly(2028, 1, 1); }));

        var response = await _host.SubmitAsync(gemeente, created);

        if (admitted)
        {
            await OkAsync(response);
        }
        else
        {
            var problem = await OkAsync(response, HttpStatusCode.UnprocessableEntity);
            var rule = problem.GetProperty("brokenRules").EnumerateArray().Single();
            Assert.Equal("WBI-MIN-WONINGEN", rule.GetProperty("code").GetString());
            Assert.Contains(gemeente == "GM0599" ? "500" : "200", rule.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Seed_DesignatedRegionSetOfT3RuleSet_IsTheSeededReferenceSet()
    {
        _host = new ApplicationsHost(Amsterdam("2021-09-05 10:00"));
        var t3 = await _host.TrancheIdAsync("Wbi", "T3");

        var ruleSet = (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{t3}"))).GetProperty("ruleSet");
        var members = await _host.DbAsync(db => db.Set<DesignatedRegionMember>().CountAsync());

        Assert.Equal("wbi-t3", ruleSet.GetProperty("minimumHomes").GetProperty("designatedRegionSet").GetString());
        Assert.Equal(500, ruleSet.GetProperty("minimumHomes").GetProperty("homesInDesignatedRegion").GetInt32());
        Assert.Equal(0, members); // woningmarktregios.csv has no rows until the 13 regions are sourced (SOURCES.md)
    }

    private static Dictionary<string, decimal> Minus(decimal points) => Scores.ToDictionary(s => s.Key, s => s.Value - points);

    private static ApplicationBuilder Requesting(Guid tranche, decimal amount) =>
        ApplicationBuilder.Wbi(tranche).With(a => { a.RequestedAmount = amount; a.FinancialDeficit = amount * 2; a.OwnContribution = amount; });

    private static (string, decimal) Outcome(JsonElement proposal) =>
        (proposal.GetProperty("outcome").GetString()!, proposal.GetProperty("proposedAmount").GetDecimal());

    /// <summary>Create, submit, complete, admit; the VHF committee gives its total and advice.</summary>
    private async Task<Guid> VhfRankedAsync(string cbs, Guid tranche, decimal total, string advice = "Positief")
    {
        var created = await _host.CreateAsync(cbs, ApplicationBuilder.Wbi(tranche).With(a => a.PrimaryActivitiesAmount = 5_000_000m));
        await OkAsync(await _host.SubmitAsync(cbs, created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        await FireAsync(await _host.AsAsync("VRO", "Beoordelaar"), id, "toelaten", null);
        var tc = await _host.AsAsync("TC-VHF", "Commissielid");
        await _host.CommitteeAdviceAsync("TC-VHF", id, new { total }, advice);
        await FireAsync(tc, id, "adviseren", new { data = new { advies = advice.ToLowerInvariant() } });
        return id;
    }
}
