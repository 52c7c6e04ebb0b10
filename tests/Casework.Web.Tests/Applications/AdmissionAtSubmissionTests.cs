using System.Net;
using System.Text.Json;
using Casework.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>Each admission rule at its boundary, through <c>POST /applications/{id}/submit</c> on a real database.</summary>
public sealed class AdmissionAtSubmissionTests : IAsyncLifetime
{
    private static readonly string[] ExpectedThree = ["WBI-BETAALBAAR-AANDEEL", "WBI-EIGEN-BIJDRAGE", "WBI-MIN-WONINGEN"];
    private readonly ApplicationsHost _host = new(Amsterdam("2022-09-01 12:00"));
    private Guid _t4;

    public async Task InitializeAsync() => _t4 = await _host.TrancheIdAsync("Wbi", "T4");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("GM0988", 499, false)] // Weert: more than 50,000 inhabitants -> 500
    [InlineData("GM0988", 500, true)]
    [InlineData("GM0096", 199, false)] // Vlieland: fewer -> 200
    [InlineData("GM0096", 200, true)]
    public async Task Submit_WbiT4AtMinimumHomes_AdmitsFromTheGemeenteSizeThreshold(string cbs, int homes, bool admitted)
    {
        var (response, broken) = await SubmitAsync(cbs, ApplicationBuilder.Wbi(_t4).WithHomes(homes));

        Assert.Equal(admitted ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(!admitted, broken.Contains("WBI-MIN-WONINGEN"));
    }

    [Theory]
    [InlineData(4999, false)]
    [InlineData(5000, true)]
    public async Task Submit_AtAffordableShareBoundary_AdmitsFromFiftyPercent(int affordable, bool admitted)
    {
        var (response, broken) = await SubmitAsync("GM0599", ApplicationBuilder.Wbi(_t4).With(a =>
        {
            a.SocialeHuur = affordable;
            a.Other = 10_000 - affordable;
        }));

        Assert.Equal(admitted ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(!admitted, broken.Contains("WBI-BETAALBAAR-AANDEEL"));
    }

    [Theory]
    [InlineData(4_999_000, false)]
    [InlineData(4_999_999.99, false)]
    [InlineData(5_000_000, true)]
    public async Task Submit_AtOwnContributionBoundary_AdmitsFromHalfTheDeficit(decimal contribution, bool admitted)
    {
        var (response, broken) = await SubmitAsync("GM0599", ApplicationBuilder.Wbi(_t4).With(a => a.OwnContribution = contribution));

        Assert.Equal(admitted ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(!admitted, broken.Contains("WBI-EIGEN-BIJDRAGE"));
    }

    [Fact]
    public async Task Submit_FourthApplicationOfGemeenteInRound_IsRefusedAfterThree()
    {
        for (var i = 1; i <= 3; i++)
        {
            var (ok, _) = await SubmitAsync("GM0599", ApplicationBuilder.Wbi(_t4).With(a => a.ProjectName = $"Project {i}"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var (response, broken) = await SubmitAsync("GM0599", ApplicationBuilder.Wbi(_t4).With(a => a.ProjectName = "Project 4"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["WBI-MAX-AANVRAGEN"], broken);
    }

    [Theory]
    [InlineData("2022-09-25 23:58", true)]
    [InlineData("2022-09-25 23:59", true)] // the closing instant itself is on time
    [InlineData("2022-09-26 00:00", false)]
    public async Task Submit_AroundWindowClose_IsOnTimeUpToTheClosingInstant(string at, bool admitted)
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        _host.Clock.SetUtcNow(Amsterdam(at));

        var response = await _host.SubmitAsync("GM0599", created);

        Assert.Equal(admitted ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, response.StatusCode);
        if (!admitted)
        {
            Assert.Contains("WBI-TIJDVAK", await CodesAsync(response));
        }
    }

    [Fact]
    public async Task Submit_WhenSeveralRulesBroken_ReportsEveryOneAndChangesNothing()
    {
        var created = await _host.CreateAsync("GM0096", ApplicationBuilder.Wbi(_t4).With(a =>
        {
            a.SocialeHuur = 40;
            a.Other = 59;
            a.OwnContribution = 1_000_000m;
        }));

        var response = await _host.SubmitAsync("GM0096", created);

        var problem = await OkAsync(response, HttpStatusCode.UnprocessableEntity);
        var rules = problem.GetProperty("brokenRules").EnumerateArray().ToList();
        Assert.Equal(
            ExpectedThree,
            rules.Select(r => r.GetProperty("code").GetString()).Order().ToArray());
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("source").GetString())));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetString())));
        var after = await OkAsync(await (await _host.GemeenteAsync("GM0096")).GetAsync($"/api/v1/applications/{created.GetProperty("id").GetGuid()}"));
        Assert.Equal("concept", after.GetProperty("state").GetString());
        Assert.Equal(created.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("submittedAt").ValueKind);
    }

    [Fact]
    public async Task Submit_SameProjectUnderDifferentRounds_IsJudgedByEachRoundsRules()
    {
        var project = ApplicationBuilder.Wbi(_t4).WithHomes(300);
        var (inT4, brokenT4) = await SubmitAsync("GM0988", project);

        _host.Clock.SetUtcNow(Amsterdam("2024-01-10 10:00"));
        project.TrancheId = await _host.TrancheIdAsync("Wbi", "T6");
        var (inT6, _) = await SubmitAsync("GM0988", project);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inT4.StatusCode);
        Assert.Equal(["WBI-MIN-WONINGEN"], brokenT4);
        Assert.Equal(HttpStatusCode.OK, inT6.StatusCode);
    }

    [Fact]
    public async Task Submit_WbiT5_CountsPopulationAtRoundReferenceDateNotTheLatestFigure()
    {
        // Middelburg: 49,956 on 2023-01-01 (in force when T5 opened), 50,004 on 2024-01-01.
        _host.Clock.SetUtcNow(Amsterdam("2023-03-01 10:00"));
        var t5 = await _host.TrancheIdAsync("Wbi", "T5");

        var (response, broken) = await SubmitAsync("GM0687", ApplicationBuilder.Wbi(t5).WithHomes(499));

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join(",", broken));
        var (above, brokenAbove) = await SubmitAsync("GM0988", ApplicationBuilder.Wbi(t5).WithHomes(499));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, above.StatusCode);
        Assert.Equal(["WBI-MIN-WONINGEN"], brokenAbove);
    }

    [Fact]
    public async Task FireIndienen_ThroughGenericActionEndpoint_CannotBypassAdmissionRules()
    {
        var created = await _host.CreateAsync("GM0096", ApplicationBuilder.Wbi(_t4).WithHomes(100));

        var response = await SendAsync(await _host.GemeenteAsync("GM0096"), HttpMethod.Post, $"/api/v1/cases/{created.GetProperty("id").GetGuid()}/actions/indienen", new { }, created.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await _host.DbAsync(db => db.Set<FundingApplication>().CountAsync(a => a.SubmittedAt != null)));
    }

    private async Task<(HttpResponseMessage Response, string[] BrokenCodes)> SubmitAsync(string cbs, ApplicationBuilder application)
    {
        var created = await _host.CreateAsync(cbs, application);
        var response = await _host.SubmitAsync(cbs, created);
        return (response, response.StatusCode == HttpStatusCode.OK ? [] : await CodesAsync(response));
    }

    private static async Task<string[]> CodesAsync(HttpResponseMessage response)
    {
        var body = await BodyAsync(response);
        return body.TryGetProperty("brokenRules", out var rules)
            ? rules.EnumerateArray().Select(r => r.GetProperty("code").GetString()!).Order().ToArray()
            : [body.ToString()];
    }
}
