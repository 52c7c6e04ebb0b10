using System.Net;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Time;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.AfterAward;

/// <summary>After the award, through the HTTP API on a SQLite file with a fake clock (ADR-019).</summary>
public sealed class AfterAwardTests : IAsyncLifetime
{
    private readonly AfterAwardHost _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WbiAward_OpensConditionsMilestonesAndTheFirstSisaYear()
    {
        var id = await _app.AwardedAsync();

        var award = await _app.AfterAwardAsync(id);

        var conditions = award.GetProperty("conditions");
        Assert.Equal(1, conditions.GetProperty("version").GetInt32());
        Assert.Equal(5_000_000m, conditions.GetProperty("amount").GetDecimal());
        Assert.Equal(600, conditions.GetProperty("totalHomes").GetInt32());
        var milestones = award.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(["start-bouw", "gereed"], milestones.Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal("2027-01-10", milestones[0].GetProperty("dueDate").GetString());
        Assert.Equal("2034-01-10", milestones[1].GetProperty("dueDate").GetString());
        Assert.Contains("Regeling Woningbouwimpuls 2020", milestones[0].GetProperty("source").GetString());
        Assert.All(milestones, m => Assert.Equal("open", m.GetProperty("status").GetString()));
        var year = Assert.Single(award.GetProperty("sisaYears").EnumerateArray());
        Assert.Equal(2024, year.GetProperty("budgetYear").GetInt32());
        Assert.Equal("2025-07-15", year.GetProperty("dueDate").GetString());
        Assert.Equal("open", year.GetProperty("status").GetString());

        // The milestones watch the definition's own terms; no second SiSa term was started beside the definition's.
        Assert.Single(await _app.DeadlinesAsync(id, "wbi-start-bouw"));
        Assert.Single(await _app.DeadlinesAsync(id, "sisa-verantwoording"));
        Assert.Empty(await _app.DeadlinesAsync(id, "mijlpaal-start-bouw"));
        Assert.Equal(5_000_000m, award.GetProperty("ledger").GetProperty("awarded").GetDecimal());
        Assert.Contains(award.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "mijlpaal");
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task SisaReport_ClosesThatYearsDeadlineAndOpensTheNext()
    {
        var id = await _app.AwardedAsync();
        var report = new { started = new { socialeHuur = 40, middenhuur = 0, betaalbareKoop = 0, other = 60 }, completed = new { socialeHuur = 0, middenhuur = 0, betaalbareKoop = 0, other = 0 }, spent = 750_000m, projectCompleted = false };

        _app.Advance("2024-11-01 10:00");
        var early = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/report", report), HttpStatusCode.UnprocessableEntity);
        _app.Advance("2025-03-03 10:00");
        var byVro = await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/sisa-years/2024/report", report);
        var award = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/report", report));
        var again = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/report", report);

        Assert.Equal("SISA-JAAR-NIET-VOORBIJ", early.GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byVro.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var years = award.GetProperty("sisaYears").EnumerateArray().ToList();
        Assert.Equal([2024, 2025], years.Select(y => y.GetProperty("budgetYear").GetInt32()));
        Assert.Equal("verantwoord", years[0].GetProperty("status").GetString());
        Assert.Equal(100, years[0].GetProperty("started").GetProperty("socialeHuur").GetInt32() + years[0].GetProperty("started").GetProperty("other").GetInt32());
        Assert.Equal("open", years[1].GetProperty("status").GetString());
        Assert.Equal("2026-07-15", years[1].GetProperty("dueDate").GetString());
        var terms = (await _app.DeadlinesAsync(id, "sisa-verantwoording")).OrderBy(d => d.CurrentDueDate).ToList();
        Assert.Equal(2, terms.Count);
        Assert.Equal(DeadlineStatus.Met, terms[0].Status);
        Assert.Equal(DeadlineStatus.Running, terms[1].Status);
        Assert.Equal(new DateOnly(2026, 7, 15), terms[1].CurrentDueDate);

        // The programme monitor's figures: the ministry reads them, a gemeente does not.
        var figures = await OkAsync(await _app.Vro.GetAsync("/api/v1/awards/yearly-figures?budgetYear=2024&regeling=Wbi"));
        var row = Assert.Single(figures.EnumerateArray(), r => r.GetProperty("applicationId").GetGuid() == id);
        Assert.Equal(750_000m, row.GetProperty("spent").GetDecimal());
        Assert.Equal(40, row.GetProperty("started").GetProperty("socialeHuur").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Gemeente.GetAsync("/api/v1/awards/yearly-figures")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Vro.GetAsync("/api/v1/awards/yearly-figures?regeling=Xyz")).StatusCode);
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task UitstelRequest_AfterFirstJuly_IsRefusedWithFvw17bAndNothingIsStored()
    {
        var id = await _app.AwardedAsync();
        _app.Advance("2025-07-01 09:00");

        var response = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/uitstel", new { newDate = "2025-10-01", reason = "accountant later klaar" });

        var problem = await OkAsync(response, HttpStatusCode.UnprocessableEntity);
        var rule = problem.GetProperty("brokenRules")[0];
        Assert.Equal("UITSTEL-NA-1-JULI", rule.GetProperty("code").GetString());
        Assert.Equal("Financiële-verhoudingswet art. 17b", rule.GetProperty("source").GetString());
        var year = (await _app.AfterAwardAsync(id)).GetProperty("sisaYears")[0];
        Assert.Equal(JsonValueKind.Null, year.GetProperty("uitstel").ValueKind);
        Assert.Empty(await _app.DeadlinesAsync(id, "sisa-uitstel-beslissing"));
    }

    [Fact]
    public async Task UitstelRequest_BeforeFirstJuly_IsDecidedWithinTwoWeeksAndMovesTheTerm()
    {
        var id = await _app.AwardedAsync();
        _app.Advance("2025-06-20 09:00");

        var requested = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/uitstel", new { newDate = "2025-10-01", reason = "accountant later klaar" }));
        var notLater = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/uitstel", new { newDate = "2025-07-10", reason = "x" });
        var byGemeente = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/uitstel/decision", new { granted = true });
        var granted = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/sisa-years/2024/uitstel/decision", new { granted = true }));

        var uitstel = requested.GetProperty("sisaYears")[0].GetProperty("uitstel");
        Assert.Equal("aangevraagd", uitstel.GetProperty("status").GetString());
        Assert.Equal("2025-07-04", uitstel.GetProperty("decideBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, notLater.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byGemeente.StatusCode);
        var year = granted.GetProperty("sisaYears")[0];
        Assert.Equal("2025-10-01", year.GetProperty("dueDate").GetString());
        Assert.Equal("verleend", year.GetProperty("uitstel").GetProperty("status").GetString());
        Assert.Equal(DeadlineStatus.Stopped, Assert.Single(await _app.DeadlinesAsync(id, "sisa-verantwoording")).Status);
        Assert.Equal(new DateOnly(2025, 10, 1), Assert.Single(await _app.DeadlinesAsync(id, "sisa-verantwoording-uitstel")).CurrentDueDate);
        Assert.Equal(DeadlineStatus.Met, Assert.Single(await _app.DeadlinesAsync(id, "sisa-uitstel-beslissing")).Status);
    }

    [Fact]
    public async Task MissedStartMilestone_ExpiresExactlyOnce_AndTheDepartmentMustJudgeIt()
    {
        var id = await _app.AwardedAsync();
        _app.Advance("2026-06-01 10:00");
        var tooEarly = await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/milestones/start-bouw/judgement", new { outcome = "redenAanvaarden", reason = "stikstof" });

        _app.Advance("2027-01-11 10:00");
        await _app.RunWorkerAsync();
        await _app.RunWorkerAsync();
        await _app.RunWorkerAsync();

        var start = Assert.Single(await _app.DeadlinesAsync(id, "wbi-start-bouw"));
        Assert.Equal(DeadlineStatus.Expired, start.Status);
        var expiries = await _app.Host.DbAsync(db => db.Set<AuditEvent>().Where(e => e.Action == "termijn.verlopen" && e.ObjectId == start.Id.ToString()).CountAsync());
        Assert.Equal(1, expiries);
        var problem = await OkAsync(tooEarly, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TERMIJN-LOOPT-NOG", problem.GetProperty("brokenRules")[0].GetProperty("code").GetString());

        var award = await _app.AfterAwardAsync(id);
        var milestone = award.GetProperty("milestones")[0];
        Assert.True(milestone.GetProperty("expired").GetBoolean());
        var queue = await OkAsync(await _app.Vro.GetAsync("/api/v1/awards/pending-judgement"));
        Assert.Contains(queue.EnumerateArray(), i => i.GetProperty("applicationId").GetGuid() == id && i.GetProperty("what").GetString()!.StartsWith("Start van de bouw: termijn verstreken", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Gemeente.GetAsync("/api/v1/awards/pending-judgement")).StatusCode);

        var judged = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/milestones/start-bouw/judgement", new { outcome = "redenAanvaarden", reason = "vertraging door de stikstofuitspraak" }));
        Assert.Equal("redenAanvaard", judged.GetProperty("milestones")[0].GetProperty("status").GetString());
        Assert.False(judged.GetProperty("milestones")[0].GetProperty("expired").GetBoolean());
        var after = await OkAsync(await _app.Vro.GetAsync("/api/v1/awards/pending-judgement"));
        Assert.DoesNotContain(after.EnumerateArray(), i => i.GetProperty("applicationId").GetGuid() == id && i.GetProperty("what").GetString()!.StartsWith("Start van de bouw", StringComparison.Ordinal));
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task ReportedAndAcceptedStartMilestone_MeetsItsTerm_SoItNeverExpires()
    {
        var id = await _app.AwardedAsync();
        _app.Advance("2025-09-01 10:00");
        var evidence = await _app.UploadEvidenceAsync(id, 41);

        var noEvidence = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/start-bouw/report", new { date = "2025-08-15", evidenceDocumentIds = Array.Empty<Guid>() });
        var unknownEvidence = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/start-bouw/report", new { date = "2025-08-15", evidenceDocumentIds = new[] { Guid.NewGuid() } });
        var unknownKind = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/lunch/report", new { date = "2025-08-15", evidenceDocumentIds = new[] { evidence } });
        var reported = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/start-bouw/report", new { date = "2025-08-15", evidenceDocumentIds = new[] { evidence }, note = "heipalen geslagen" }));
        var more = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/milestones/start-bouw/judgement", new { outcome = "aanvullingVragen", reason = "foto zonder datum" }));
        var second = await _app.UploadEvidenceAsync(id, 42);
        await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/start-bouw/report", new { date = "2025-08-15", evidenceDocumentIds = new[] { evidence, second } }));
        var accepted = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/milestones/start-bouw/judgement", new { outcome = "aanvaarden" }));

        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownEvidence.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.Equal("gemeld", reported.GetProperty("milestones")[0].GetProperty("status").GetString());
        Assert.Equal("aanvullingGevraagd", more.GetProperty("milestones")[0].GetProperty("status").GetString());
        var milestone = accepted.GetProperty("milestones")[0];
        Assert.Equal("aanvaard", milestone.GetProperty("status").GetString());
        Assert.Equal(2, milestone.GetProperty("evidenceDocumentIds").GetArrayLength());
        Assert.Equal(DeadlineStatus.Met, Assert.Single(await _app.DeadlinesAsync(id, "wbi-start-bouw")).Status);

        _app.Advance("2027-02-01 10:00");
        await _app.RunWorkerAsync();
        Assert.Equal(DeadlineStatus.Met, Assert.Single(await _app.DeadlinesAsync(id, "wbi-start-bouw")).Status);
    }

    [Fact]
    public async Task ApprovedChangeWithFewerHomes_LowersTheConditions_ReleasesTheDifference_AndKeepsTheOldConditionsReadable()
    {
        var id = await _app.AwardedAsync();
        var before = await _app.LedgerAsync();
        var higher = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/change-requests", new { amount = 6_000_000m, reason = "duurder" });
        var nothing = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/change-requests", new { reason = "niets" });

        var created = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/change-requests",
            new { homes = new { socialeHuur = 200, middenhuur = 0, betaalbareKoop = 0, other = 200 }, amount = 4_000_000m, startBouwUiterlijk = "2028-01-10", reason = "minder woningen door een nieuw bestemmingsplan" }), HttpStatusCode.Created);
        var changeId = created.GetProperty("caseId").GetGuid();
        var secondOpen = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/change-requests", new { amount = 3_000_000m, reason = "nog minder" });
        Assert.Equal("ingediend", created.GetProperty("state").GetString());
        await _app.DecideCaseAsync(_app.Vro, changeId, "goedkeuren", new { data = new { verzenddatum = "2024-02-01" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, higher.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondOpen.StatusCode);
        var award = await _app.AfterAwardAsync(id);
        var versions = award.GetProperty("conditionVersions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(5_000_000m, versions[0].GetProperty("amount").GetDecimal());
        Assert.Equal(600, versions[0].GetProperty("totalHomes").GetInt32());
        Assert.Equal(4_000_000m, versions[1].GetProperty("amount").GetDecimal());
        Assert.Equal(400, versions[1].GetProperty("totalHomes").GetInt32());
        Assert.Equal(changeId, versions[1].GetProperty("changeCaseId").GetGuid());
        Assert.Equal(2, award.GetProperty("conditions").GetProperty("version").GetInt32());
        Assert.Equal("2028-01-10", award.GetProperty("milestones")[0].GetProperty("dueDate").GetString());
        Assert.Equal(2, Assert.Single(award.GetProperty("changeRequests").EnumerateArray()).GetProperty("resultingVersion").GetInt32());
        var after = await _app.LedgerAsync();
        Assert.Equal(before.Committed.Euros - 1_000_000m, after.Committed.Euros);
        var application = await OkAsync(await _app.Vro.GetAsync($"/api/v1/applications/{id}/payments"));
        Assert.Equal(4_000_000m, application.GetProperty("totals").GetProperty("awarded").GetDecimal());

        // The besluit went out as a letter in the change's own dossier; the start term moved, still one running.
        var letters = await _app.Host.DbAsync(db => db.Set<Casework.Domain.Documents.Document>().Where(d => d.CaseId == changeId && d.Informatieobjecttype == "besluit").CountAsync());
        Assert.Equal(1, letters);
        Assert.Equal(DeadlineStatus.Stopped, Assert.Single(await _app.DeadlinesAsync(id, "wbi-start-bouw")).Status);
        Assert.Equal(new DateOnly(2028, 1, 10), Assert.Single(await _app.DeadlinesAsync(id, "mijlpaal-start-bouw")).CurrentDueDate);
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task VaststellingBelowPaid_CreatesOneTerugvorderingOfTheDifference_AndASecondVaststellingIsRefused()
    {
        var id = await _app.AwardedAsync();
        await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/payments", new { amount = 5_000_000m, btwCompensatiefondsShare = 0m, paidOnDate = "2024-02-01" }), HttpStatusCode.Created);
        await _app.AssertLedgerMatchesRowsAsync();
        _app.Advance("2033-09-01 10:00");
        var before = await _app.LedgerAsync();

        var byGemeente = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/vaststelling", new { completed = new { socialeHuur = 240, middenhuur = 0, betaalbareKoop = 0, other = 240 }, spent = 5_000_000m, verzenddatum = "2033-09-05" });
        var award = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/vaststelling",
            new { completed = new { socialeHuur = 240, middenhuur = 0, betaalbareKoop = 0, other = 240 }, spent = 5_000_000m, verzenddatum = "2033-09-05" }));
        var second = await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/vaststelling",
            new { completed = new { socialeHuur = 300, middenhuur = 0, betaalbareKoop = 0, other = 300 }, spent = 5_000_000m, verzenddatum = "2033-09-06" });

        Assert.Equal(HttpStatusCode.Forbidden, byGemeente.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var vaststelling = award.GetProperty("vaststelling");
        Assert.Equal(4_000_000m, vaststelling.GetProperty("amount").GetDecimal());
        Assert.Contains(vaststelling.GetProperty("computation").EnumerateArray(), l => l.GetProperty("rule").GetString() == "naar-rato" && l.GetProperty("amount").GetDecimal() == 4_000_000m);
        var terugvordering = award.GetProperty("terugvordering");
        Assert.Equal(1_000_000m, terugvordering.GetProperty("amount").GetDecimal());
        Assert.Equal("2033-10-17", terugvordering.GetProperty("betalenUiterlijk").GetString());
        Assert.Equal("2033-10-17", terugvordering.GetProperty("bezwaarUiterlijk").GetString());
        var ledger = award.GetProperty("ledger");
        Assert.Equal(5_000_000m, ledger.GetProperty("awarded").GetDecimal());
        Assert.Equal(5_000_000m, ledger.GetProperty("paid").GetDecimal());
        Assert.Equal(4_000_000m, ledger.GetProperty("vastgesteld").GetDecimal());
        Assert.Equal(1_000_000m, ledger.GetProperty("reclaimed").GetDecimal());
        var after = await _app.LedgerAsync();
        Assert.Equal(before.Reclaimed.Euros + 1_000_000m, after.Reclaimed.Euros);
        Assert.Equal(before.Vastgesteld.Euros + 4_000_000m, after.Vastgesteld.Euros);
        Assert.Equal(before.Committed, after.Committed);
        Assert.Equal(1, await _app.Host.DbAsync(db => db.Set<Casework.Web.Features.AfterAward.Terugvordering>().CountAsync(t => t.ApplicationId == id)));
        Assert.Equal(1, await _app.Host.DbAsync(db => db.Set<Casework.Web.Features.Applications.Reclamation>().CountAsync(r => r.ApplicationId == id)));
        var besluiten = await _app.Host.DbAsync(db => db.Decisions.Where(d => d.CaseId == id).Select(d => d.BesluitType).ToListAsync());
        Assert.Contains("vaststelling", besluiten);
        Assert.Contains("terugvordering", besluiten);
        var letters = await _app.Host.DbAsync(db => db.Set<Casework.Domain.Documents.Document>().Where(d => d.CaseId == id && d.Informatieobjecttype == "besluit").Select(d => d.Title).ToListAsync());
        Assert.Contains(letters, t => t.Contains("vaststelling", StringComparison.Ordinal));
        Assert.Contains(letters, t => t.Contains("terugvordering", StringComparison.Ordinal));
        Assert.Equal(DeadlineStatus.Running, Assert.Single(await _app.DeadlinesAsync(id, "terugbetalingstermijn")).Status);
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task VaststellingOfNothing_AfterAPaymentLessTheBtwShare_ReclaimsWhatWasPaidAndNeverMore()
    {
        var id = await _app.AwardedAsync();
        await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/payments", new { amount = 5_000_000m, btwCompensatiefondsShare = 0.21m, paidOnDate = "2024-02-01" }), HttpStatusCode.Created);

        var award = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/vaststelling",
            new { completed = new { socialeHuur = 50, middenhuur = 0, betaalbareKoop = 0, other = 50 }, spent = 1_000_000m, verzenddatum = "2024-03-01", reason = "het project is niet doorgegaan" }));

        Assert.Equal(0m, award.GetProperty("vaststelling").GetProperty("amount").GetDecimal());
        Assert.Equal("minimum-woningen", award.GetProperty("vaststelling").GetProperty("computation")[1].GetProperty("rule").GetString());
        Assert.Equal(3_950_000m, award.GetProperty("terugvordering").GetProperty("amount").GetDecimal());
        Assert.Equal(3_950_000m, award.GetProperty("ledger").GetProperty("reclaimed").GetDecimal());
        Assert.All(award.GetProperty("milestones").EnumerateArray(), m => Assert.Equal("vastgesteld", m.GetProperty("status").GetString()));
        Assert.Equal("vervallen", award.GetProperty("sisaYears")[0].GetProperty("status").GetString());
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task VaststellingAfterTheMissedMilestone_GoesThroughTheDefinitionsVaststellen_WhichIsRefusedWithoutTheComputation()
    {
        var id = await _app.AwardedAsync();
        _app.Advance("2027-01-11 10:00");
        await _app.RunWorkerAsync();
        var state = (await OkAsync(await _app.Vro.GetAsync($"/api/v1/cases/{id}"))).GetProperty("state").GetString();
        Assert.Equal("vaststelling", state);

        var bare = await FireRawAsync(_app.Vro, id, "vaststellen", new { data = new { resultaat = "verantwoord", vastgesteldBedrag = 5_000_000m, verzenddatum = "2027-01-15" } });
        var award = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/vaststelling",
            new { completed = new { socialeHuur = 0, middenhuur = 0, betaalbareKoop = 0, other = 0 }, spent = 0m, verzenddatum = "2027-01-15" }));

        var problem = await OkAsync(bare, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("VASTSTELLING-MET-BEREKENING", problem.GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal(0m, award.GetProperty("vaststelling").GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, award.GetProperty("terugvordering").ValueKind); // nothing was paid, so nothing is reclaimed
        var closed = await OkAsync(await _app.Vro.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal("gesloten", closed.GetProperty("state").GetString());
        Assert.Equal(1, await _app.Host.DbAsync(db => db.Decisions.CountAsync(d => d.CaseId == id && d.BesluitType == "vaststelling")));
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task DatesFarAhead_AreRefusedWithTheRule_NotAServerError_AndNothingIsStored()
    {
        var id = await _app.AwardedAsync();
        _app.Advance("2025-03-03 10:00");

        var change = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/change-requests", new { gereedUiterlijk = "9999-12-31", reason = "later" });
        var uitstel = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/uitstel", new { newDate = "9999-12-31", reason = "later" });
        var vaststelling = await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/vaststelling", new { spent = 0m, verzenddatum = "9999-12-31" });

        Assert.Equal("MIJLPAAL-TE-LAAT", (await OkAsync(change, HttpStatusCode.UnprocessableEntity)).GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal("UITSTEL-TE-LANG", (await OkAsync(uitstel, HttpStatusCode.UnprocessableEntity)).GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal("VERZENDDATUM-TE-VER", (await OkAsync(vaststelling, HttpStatusCode.UnprocessableEntity)).GetProperty("brokenRules")[0].GetProperty("code").GetString());
        var award = await _app.AfterAwardAsync(id);
        Assert.Empty(award.GetProperty("changeRequests").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, award.GetProperty("vaststelling").ValueKind);
        Assert.Equal(JsonValueKind.Null, award.GetProperty("sisaYears")[0].GetProperty("uitstel").ValueKind);
        await _app.AssertLedgerMatchesRowsAsync();
    }
}
