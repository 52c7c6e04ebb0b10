using System.Net;
using System.Text.Json;
using Casework.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>Payments (less the BTW-compensatiefonds share) and reclaims on an award, kept apart in the round's ledger.</summary>
public sealed class PaymentTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
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
    public async Task Payment_WithBtwShare021OnAwardOfAMillion_PaysLessTheShareAndBooksTheWholePortion()
    {
        var id = await AwardedAsync(1_000_000m);
        var before = await LedgerAsync();

        var result = await OkAsync(await PayAsync(_vro, id, 1_000_000m, 0.21m), HttpStatusCode.Created);

        Assert.Equal(790_000m, result.GetProperty("payment").GetProperty("paid").GetDecimal());
        Assert.Equal(1_000_000m, result.GetProperty("payment").GetProperty("awardedPortion").GetDecimal());
        Assert.Equal("2024-04-01", result.GetProperty("payment").GetProperty("paidOnDate").GetString());
        var totals = result.GetProperty("totals");
        Assert.Equal(1_000_000m, totals.GetProperty("awarded").GetDecimal());
        Assert.Equal(1_000_000m, totals.GetProperty("awardedPaidOut").GetDecimal());
        Assert.Equal(790_000m, totals.GetProperty("paid").GetDecimal());
        Assert.Equal(0m, totals.GetProperty("reclaimed").GetDecimal());
        var after = await LedgerAsync();
        Assert.Equal(before.Paid + 790_000m, after.Paid);
        Assert.Equal(before.Committed, after.Committed);
        var cents = await _host.DbAsync(db => db.Database.SqlQuery<long>($"SELECT AwardedPaidOutCents AS Value FROM RoundBudgets WHERE Id = {_t6}").SingleAsync());
        Assert.Equal(1_000_000_00L, cents);
        var streams = await _host.DbAsync(db => db.Set<AuditEvent>().Where(e => e.Action.EndsWith("betalingGeregistreerd")).Select(e => e.Stream).ToListAsync());
        Assert.Equal(["case:" + id.ToString("N"), "tranche:" + _t6.ToString("N")], streams.Order().ToArray());
    }

    [Fact]
    public async Task Payment_WhenTotalWouldExceedAward_Returns422AndChangesNothing()
    {
        var id = await AwardedAsync(1_000_000m);
        await OkAsync(await PayAsync(_vro, id, 600_000m, 0m), HttpStatusCode.Created);
        var before = await LedgerAsync();

        var response = await PayAsync(_vro, id, 400_000.01m, 0m);

        var problem = await OkAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("BETALING-BOVEN-TOEKENNING", problem.GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal(before, await LedgerAsync());
        var overview = await OkAsync(await _vro.GetAsync($"/api/v1/applications/{id}/payments"));
        Assert.Single(overview.GetProperty("payments").EnumerateArray());
        Assert.Equal(600_000m, overview.GetProperty("totals").GetProperty("awardedPaidOut").GetDecimal());
        // The rest of the award still fits exactly.
        await OkAsync(await PayAsync(_vro, id, 400_000m, 0m), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Payment_ByAnyoneButVroBeoordelaar_Returns403()
    {
        var id = await AwardedAsync(1_000_000m);

        var gemeente = await PayAsync(await _host.GemeenteAsync("GM0599"), id, 1_000m, 0m);
        var loket = await PayAsync(await _host.AsAsync("RVO", "Loket"), id, 1_000m, 0m);

        Assert.Equal(HttpStatusCode.Forbidden, gemeente.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, loket.StatusCode);
        Assert.Equal(0m, (await LedgerAsync()).Paid);
    }

    [Fact]
    public async Task Payments_OfAnotherGemeente_Return404AndTheOwnerSeesThem()
    {
        var id = await AwardedAsync(1_000_000m);
        await OkAsync(await PayAsync(_vro, id, 1_000m, 0m), HttpStatusCode.Created);

        var other = await (await _host.GemeenteAsync("GM0363")).GetAsync($"/api/v1/applications/{id}/payments");
        var owner = await OkAsync(await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/applications/{id}/payments"));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(1_000m, owner.GetProperty("totals").GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Payment_WithoutAward_Returns409()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);

        var response = await PayAsync(_vro, id, 1_000m, 0m);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Reclaim_MoreThanPaid_Returns422AndChangesNothing()
    {
        var id = await AwardedAsync(1_000_000m);
        await OkAsync(await PayAsync(_vro, id, 1_000_000m, 0.21m), HttpStatusCode.Created);
        var before = await LedgerAsync();

        var response = await ReclaimAsync(_vro, id, 790_000.01m, "project niet gestart");

        var problem = await OkAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TERUGVORDERING-BOVEN-BETAALD", problem.GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal(before, await LedgerAsync());
    }

    [Fact]
    public async Task Reclaim_WithinPaid_RaisesLedgerReclaimedAndIsAudited()
    {
        var id = await AwardedAsync(1_000_000m);
        await OkAsync(await PayAsync(_vro, id, 1_000_000m, 0.21m), HttpStatusCode.Created);
        var before = await LedgerAsync();

        var result = await OkAsync(await ReclaimAsync(_vro, id, 250_000m, "minder woningen gerealiseerd"), HttpStatusCode.Created);
        var missingReason = await ReclaimAsync(_vro, id, 1_000m, " ");
        var gemeente = await ReclaimAsync(await _host.GemeenteAsync("GM0599"), id, 1_000m, "x");

        Assert.Equal(250_000m, result.GetProperty("totals").GetProperty("reclaimed").GetDecimal());
        var after = await LedgerAsync();
        Assert.Equal(before.Reclaimed + 250_000m, after.Reclaimed);
        Assert.Equal(before.Paid, after.Paid);
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, gemeente.StatusCode);
        var streams = await _host.DbAsync(db => db.Set<AuditEvent>().Where(e => e.Action.EndsWith("terugvorderingGeregistreerd")).Select(e => e.Stream).ToListAsync());
        Assert.Equal(2, streams.Count);
    }

    private async Task<Guid> AwardedAsync(decimal amount)
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var response = await _host.AwardConfirmedAsync(_vro, id, new { amount, sentDate = "2024-03-01", reason = "plafond bereikt: gedeeltelijke toekenning" });
        await OkAsync(response);
        return id;
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient client, Guid id, decimal amount, decimal share) =>
        SendAsync(client, HttpMethod.Post, $"/api/v1/applications/{id}/payments", new { amount, btwCompensatiefondsShare = share, paidOnDate = "2024-04-01" });

    private static Task<HttpResponseMessage> ReclaimAsync(HttpClient client, Guid id, decimal amount, string reason) =>
        SendAsync(client, HttpMethod.Post, $"/api/v1/applications/{id}/reclaims", new { amount, reason });

    private async Task<(decimal Committed, decimal Paid, decimal Reclaimed)> LedgerAsync()
    {
        var tranche = (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("tranche");
        return (tranche.GetProperty("committed").GetDecimal(), tranche.GetProperty("paid").GetDecimal(), tranche.GetProperty("reclaimed").GetDecimal());
    }
}
