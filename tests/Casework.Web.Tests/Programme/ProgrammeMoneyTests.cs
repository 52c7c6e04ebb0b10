using System.Net;
using System.Text.Json;
using Casework.Web.Features.Applications;
using Casework.Web.Tests.Applications;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Programme;

/// <summary>The money of a focusgebied is the sum of the rows the round's ledger was booked from, for the applications that name it.</summary>
public sealed class ProgrammeMoneyTests : IAsyncLifetime
{
    /// <summary>Different totals per application, so the ranking has no ties for a person to order.</summary>
    private static Dictionary<string, decimal> Scored(decimal urgentie) => new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = urgentie };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;
    private HttpClient _vro = null!;

    public async Task InitializeAsync()
    {
        _t6 = await _host.TrancheIdAsync("Wbi", "T6");
        _vro = await _host.AsAsync("VRO", "Beoordelaar");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FocusgebiedMoney_EqualsTheLedgerRowsOfItsApplications_AJointApplicationCountedOnce()
    {
        // Rotterdam and Schiedam apply together for a project in Rotterdam-Zuid; Schiedam has a focusgebied of its own.
        var joint = await _host.ToRankingAsync("GM0599", InArea("rotterdam-zuid", 6_000_000m).With(a => a.JointMembers = ["GM0606"]), Scored(9m));
        var single = await _host.ToRankingAsync("GM0599", InArea("rotterdam-zuid", 4_000_000m).With(a => a.ProjectName = "Hillesluis"), Scored(7m));
        var elsewhere = await _host.ToRankingAsync("GM0363", InArea("amsterdam-zuidoost", 3_000_000m), Scored(8m));
        await AwardAsync(joint, 5_000_000m);
        await AwardAsync(elsewhere, 3_000_000m);
        await OkAsync(await SendAsync(_vro, HttpMethod.Post, $"/api/v1/applications/{joint}/payments", new { amount = 2_000_000m, btwCompensatiefondsShare = 0.21m, paidOnDate = "2024-04-01" }), HttpStatusCode.Created);
        await OkAsync(await SendAsync(_vro, HttpMethod.Post, $"/api/v1/applications/{joint}/payments", new { amount = 1_000_000m, btwCompensatiefondsShare = 0m, paidOnDate = "2024-05-01" }), HttpStatusCode.Created);
        await OkAsync(await SendAsync(_vro, HttpMethod.Post, $"/api/v1/applications/{joint}/reclaims", new { amount = 250_000m, reason = "minder woningen gerealiseerd" }), HttpStatusCode.Created);
        var reader = await _host.AsAsync("SZW", "Beoordelaar");

        var area = await OkAsync(await reader.GetAsync("/api/v1/focusgebieden/rotterdam-zuid"));
        var schiedam = await OkAsync(await reader.GetAsync("/api/v1/focusgebieden/schiedam-nieuwland-oost"));
        var overview = await OkAsync(await reader.GetAsync("/api/v1/focusgebieden"));

        // The expected figures straight from the rows: the applications that name the area, their award, payments and reclaims.
        var (applied, awarded, paid, reclaimed) = await _host.DbAsync(async db =>
        {
            var apps = await db.Set<Casework.Domain.Funding.FundingApplication>().Where(a => a.FocusgebiedCode == "rotterdam-zuid").ToListAsync();
            var ids = apps.Select(a => a.Id).ToList();
            var payments = await db.Set<Payment>().Where(p => ids.Contains(p.ApplicationId)).ToListAsync();
            var reclaims = await db.Set<Reclamation>().Where(r => ids.Contains(r.ApplicationId)).ToListAsync();
            return (apps.Sum(a => a.RequestedAmount.Euros), apps.Sum(a => a.AwardedAmount?.Euros ?? 0m), payments.Sum(p => p.Paid.Euros), reclaims.Sum(r => r.Amount.Euros));
        });
        var wbi = area.GetProperty("figures").GetProperty("wbi");
        Assert.Equal(10_000_000m, applied);
        Assert.Equal(applied, wbi.GetProperty("appliedFor").GetDecimal());
        Assert.Equal(awarded, wbi.GetProperty("awarded").GetDecimal());
        Assert.Equal(5_000_000m, awarded);
        Assert.Equal(paid, wbi.GetProperty("paid").GetDecimal());
        Assert.Equal(1_580_000m + 1_000_000m, paid);
        Assert.Equal(reclaimed, wbi.GetProperty("reclaimed").GetDecimal());
        Assert.Equal(2, wbi.GetProperty("applications").GetInt32());
        Assert.Equal(0m, area.GetProperty("figures").GetProperty("vhf").GetProperty("awarded").GetDecimal());
        var round = Assert.Single(area.GetProperty("figures").GetProperty("rounds").EnumerateArray());
        Assert.Equal("T6", round.GetProperty("round").GetString());
        Assert.Equal(awarded, round.GetProperty("money").GetProperty("awarded").GetDecimal());

        // The joint application is not Schiedam's area's money, and the programme counts it once.
        Assert.Equal(0m, schiedam.GetProperty("figures").GetProperty("total").GetProperty("appliedFor").GetDecimal());
        Assert.Equal(13_000_000m, overview.GetProperty("total").GetProperty("appliedFor").GetDecimal());
        Assert.Equal(8_000_000m, overview.GetProperty("total").GetProperty("awarded").GetDecimal());
        var ledger = (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("tranche");
        Assert.Equal(ledger.GetProperty("paid").GetDecimal(), overview.GetProperty("total").GetProperty("paid").GetDecimal());
        Assert.Equal(ledger.GetProperty("reclaimed").GetDecimal(), overview.GetProperty("total").GetProperty("reclaimed").GetDecimal());
        Assert.Equal(20, overview.GetProperty("areas").GetArrayLength());
        Assert.NotEqual(Guid.Empty, single);
    }

    [Fact]
    public async Task Overview_SortsOnAnyColumn_AndRefusesAnUnknownOne()
    {
        var elsewhere = await _host.ToRankingAsync("GM0363", InArea("amsterdam-zuidoost", 3_000_000m), Scored(8m));
        await AwardAsync(elsewhere, 3_000_000m);
        var reader = await _host.AsAsync("SZW", "Beoordelaar");

        var byAwardDown = await OkAsync(await reader.GetAsync("/api/v1/focusgebieden?sorteer=wbi-toegekend&richting=af"));
        var byNameDown = await OkAsync(await reader.GetAsync("/api/v1/focusgebieden?sorteer=naam&richting=af"));
        var unknown = await reader.GetAsync("/api/v1/focusgebieden?sorteer=postcode");
        var badHalf = await reader.GetAsync("/api/v1/focusgebieden?halfjaar=2024-H3");

        Assert.Equal("amsterdam-zuidoost", byAwardDown.GetProperty("areas")[0].GetProperty("code").GetString());
        Assert.Equal("zaandam-oost", byNameDown.GetProperty("areas")[0].GetProperty("code").GetString());
        Assert.Equal("af", byNameDown.GetProperty("direction").GetString());
        var problem = await OkAsync(unknown, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("sorteer", out _));
        Assert.True((await OkAsync(badHalf, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("halfjaar", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/focusgebieden/atlantis")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous.GetAsync("/api/v1/focusgebieden")).StatusCode);
    }

    private ApplicationBuilder InArea(string focusgebied, decimal requested) =>
        ApplicationBuilder.Wbi(_t6).With(a =>
        {
            a.Focusgebied = focusgebied;
            a.RequestedAmount = requested;
            a.FinancialDeficit = requested * 2;
            a.OwnContribution = requested;
        });

    private async Task AwardAsync(Guid id, decimal amount) =>
        await OkAsync(await _host.AwardConfirmedAsync(_vro, id, new { amount, sentDate = "2024-03-01", reason = "toekenning" }));
}
