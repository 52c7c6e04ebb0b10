using System.Net;
using System.Text.Json;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.AfterAward;
using Casework.Web.Features.Applications;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.Documents;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.AfterAward;

/// <summary>
/// A WBI T6 award on its own SQLite file, a fake clock and the deadline worker driven by the test; with the round's
/// ledger checked against its rows (awards, payments, reclamations, vaststellingen).
/// </summary>
internal sealed class AfterAwardHost : IAsyncDisposable
{
    public static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    private Baseline? _baseline;

    private readonly string _regeling;
    private readonly string _round;

    /// <param name="regeling">"Wbi" (T6 by default) or "Vhf" (with <paramref name="round"/> "2024-R4", whose window opens on 3 June 2024).</param>
    public AfterAwardHost(string start = "2024-01-10 10:00", string regeling = "Wbi", string round = "T6", IReadOnlyDictionary<string, string>? settings = null)
    {
        _regeling = regeling;
        _round = round;
        Host = new ApplicationsHost(Amsterdam(start), settings: settings, deadlinePolling: false);
    }

    public ApplicationsHost Host { get; }

    public Guid Round { get; private set; }

    public HttpClient Vro { get; private set; } = null!;

    public HttpClient Gemeente { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Round = await Host.TrancheIdAsync(_regeling, _round);
        Vro = await Host.AsAsync("VRO", "Beoordelaar");
        Gemeente = await Host.GemeenteAsync("GM0599");
        _baseline = await LedgerMinusRowsAsync();
    }

    /// <summary>Create, submit, admit, score, advise and award <paramref name="amount"/> (the request is 5 million for 600 homes, half affordable).</summary>
    public async Task<Guid> AwardedAsync(decimal amount = 5_000_000m, string sentDate = "2024-01-12")
    {
        var id = _regeling == "Vhf" ? await VhfRankedAsync() : await Host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(Round), Scores);
        var response = await Host.AwardConfirmedAsync(Vro, id, new { amount, sentDate, reason = amount < 5_000_000m ? "plafond bereikt: gedeeltelijke toekenning" : null });
        await OkAsync(response);
        return id;
    }

    /// <summary>A VHF application of Rotterdam to the committee's positive advice (the VHF committee gives a total).</summary>
    private async Task<Guid> VhfRankedAsync()
    {
        var created = await Host.CreateAsync("GM0599", ApplicationBuilder.Wbi(Round).With(a => a.PrimaryActivitiesAmount = 5_000_000m));
        await OkAsync(await Host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await Host.AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        await FireAsync(Vro, id, "toelaten", null);
        await Host.CommitteeAdviceAsync("TC-VHF", id, new { total = 70m }, "Positief");
        await FireAsync(await Host.AsAsync("TC-VHF", "Commissielid"), id, "adviseren", new { data = new { advies = "positief" } });
        return id;
    }

    /// <summary>A colleague confirms the pending proposal on a case that is not an application (a wijzigingsverzoek, a bezwaar).</summary>
    public async Task<HttpResponseMessage> ConfirmCaseAsync(Guid caseId, string colleague = "vro-beoordelaar-2")
    {
        var client = await Host.AsUserAsync(colleague);
        var version = (await OkAsync(await client.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("version").GetInt32();
        return await SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{caseId}/proposal/confirm", null, version);
    }

    /// <summary>Proposes a besluit on a case as <paramref name="client"/> and has a colleague confirm it: the case as it then is.</summary>
    public async Task<JsonElement> DecideCaseAsync(HttpClient client, Guid caseId, string action, object? body, string colleague = "vro-beoordelaar-2")
    {
        await FireAsync(client, caseId, action, body);
        return await OkAsync(await ConfirmCaseAsync(caseId, colleague));
    }

    public async Task<JsonElement> AfterAwardAsync(Guid id, HttpClient? client = null) =>
        await OkAsync(await (client ?? Gemeente).GetAsync($"/api/v1/applications/{id}/after-award"));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) => SendAsync(client, HttpMethod.Post, url, body);

    public async Task<Guid> UploadEvidenceAsync(Guid caseId, int seed)
    {
        using var form = DossierHost.Form(DossierHost.Pdf(1500, seed), $"foto-bouwput-{seed}.pdf", "projectplan", "Foto van de bouwput");
        var response = await Gemeente.PostAsync($"/api/v1/cases/{caseId}/documents", form);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        return (await BodyAsync(response)).GetProperty("id").GetGuid();
    }

    public void Advance(string toLocal) => Host.Clock.SetUtcNow(Amsterdam(toLocal));

    public Task<Casework.Web.Features.Deadlines.DeadlineRunResult> RunWorkerAsync() => Host.Worker.RunOnceAsync(CancellationToken.None);

    /// <summary>The round's ledger equals what it held before the test plus the sums of its rows.</summary>
    public async Task AssertLedgerMatchesRowsAsync()
    {
        Assert.Equal(_baseline, await LedgerMinusRowsAsync());
    }

    public async Task<RoundBudget> LedgerAsync() =>
        await Host.DbAsync(db => db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(Round)));

    private async Task<Baseline> LedgerMinusRowsAsync() => await Host.DbAsync(async db =>
    {
        var ledger = await db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(Round));
        var applications = await db.Set<FundingApplication>().AsNoTracking().Where(a => a.TrancheId == Round).ToListAsync();
        var ids = applications.Select(a => a.Id).ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => ids.Contains(p.ApplicationId)).ToListAsync();
        var reclaims = await db.Set<Reclamation>().AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync();
        var vaststellingen = await db.Set<Vaststelling>().AsNoTracking().Where(v => ids.Contains(v.ApplicationId)).ToListAsync();
        return new Baseline(
            ledger.Committed.Euros - applications.Sum(a => a.AwardedAmount?.Euros ?? 0m),
            ledger.AwardedPaidOut.Euros - payments.Sum(p => p.AwardedPortion.Euros),
            ledger.Paid.Euros - payments.Sum(p => p.Paid.Euros),
            ledger.Reclaimed.Euros - reclaims.Sum(r => r.Amount.Euros),
            ledger.Vastgesteld.Euros - vaststellingen.Sum(v => v.Amount.Euros));
    });

    public async Task<List<Deadline>> DeadlinesAsync(Guid caseId, string kind) =>
        await Host.DbAsync(db => db.Deadlines.AsNoTracking().Where(d => d.CaseId == caseId && d.KindId == kind).ToListAsync());

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    private sealed record Baseline(decimal Committed, decimal AwardedPaidOut, decimal Paid, decimal Reclaimed, decimal Vastgesteld);
}
