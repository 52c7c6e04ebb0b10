using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Web.Features.Programme;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Programme;

/// <summary>The uitvoeringsprogramma, streefwaarden and measurements: who edits them, versions, the whole-file-or-nothing import.</summary>
public sealed class ProgrammeEditTests : IAsyncLifetime
{
    private const string Area = "rotterdam-zuid";
    private readonly CaseworkWebFactory _factory = new();
    private HttpClient _rotterdam = null!;
    private string _indicator = null!;

    public async Task InitializeAsync()
    {
        _rotterdam = await _factory.SignInAsync("rotterdam-aanvrager");
        var added = await OkAsync(await _rotterdam.PostAsJsonAsync("/api/v1/indicatoren", new
        {
            name = "Leefbaarometer-score",
            actielijn = "wonen",
            unit = "score",
            betterDirection = "Hoger",
            usualSource = "Leefbaarometer",
            focusgebied = Area,
        }), HttpStatusCode.Created);
        _indicator = added.GetProperty("code").GetString()!;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void FreshInstall_HasNoMeasurements_AndNoIndicatorWithoutASource()
    {
        // Nothing invented: the seed has no measurements, and the national catalogue holds only rows of its source file.
        using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        Assert.Equal(0, db.Set<Measurement>().Count(m => m.RecordedBy != "rotterdam-aanvrager"));
        Assert.All(db.Set<Indicator>().Where(i => i.FocusgebiedCode == null).ToList(), i => Assert.Equal("seed", i.CreatedBy));
    }

    [Fact]
    public async Task Streefwaarde_OfRotterdamZuid_CannotBeEditedByAmsterdam_AndAChangeKeepsTheOldVersion()
    {
        var doel = await AddDoelAsync(_rotterdam);
        var id = doel.GetProperty("id").GetGuid();
        var amsterdam = await _factory.SignInAsync("amsterdam-aanvrager");
        var alliance = await _factory.SignInAsync("alliantie-rotterdam-zuid");
        var vro = await _factory.SignInAsync("vro-beoordelaar");

        var byAmsterdam = await amsterdam.PostAsJsonAsync($"/api/v1/doelen/{id}/streefwaarden", new { version = 1, value = 5.5m, targetDate = "2030-01-01", reason = "anders" });
        var newDoelByAmsterdam = await amsterdam.PostAsJsonAsync($"/api/v1/focusgebieden/{Area}/doelen", DoelBody());
        var byVro = await vro.PostAsJsonAsync($"/api/v1/doelen/{id}/streefwaarden", new { version = 1, value = 5.5m, targetDate = "2030-01-01", reason = "anders" });
        var byAlliance = await OkAsync(await alliance.PostAsJsonAsync($"/api/v1/doelen/{id}/streefwaarden", new { version = 1, value = 4.8m, targetDate = "2032-12-31", reason = "Bijgesteld in het alliantieoverleg" }), HttpStatusCode.Created);
        var stale = await _rotterdam.PostAsJsonAsync($"/api/v1/doelen/{id}/streefwaarden", new { version = 1, value = 9m, targetDate = "2032-12-31", reason = "te laat" });
        var withoutReason = await alliance.PostAsJsonAsync($"/api/v1/doelen/{id}/streefwaarden", new { version = 2, value = 9m, targetDate = "2032-12-31", reason = "" });

        await HttpAssert.StatusAsync(HttpStatusCode.Forbidden, byAmsterdam);
        await HttpAssert.StatusAsync(HttpStatusCode.Forbidden, newDoelByAmsterdam);
        await HttpAssert.StatusAsync(HttpStatusCode.Forbidden, byVro);
        await HttpAssert.StatusAsync(HttpStatusCode.Conflict, stale);
        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, withoutReason);
        Assert.Equal(2, byAlliance.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal(4.8m, byAlliance.GetProperty("current").GetProperty("value").GetDecimal());

        // VRO reads all: the old streefwaarde stays visible with who and when.
        var page = await OkAsync(await vro.GetAsync($"/api/v1/focusgebieden/{Area}"));
        var seen = page.GetProperty("indicators").EnumerateArray().Single(s => s.GetProperty("indicator").GetProperty("code").GetString() == _indicator).GetProperty("doelen")[0];
        var history = seen.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([2, 1], history.Select(h => h.GetProperty("version").GetInt32()));
        Assert.Equal(5.2m, history[1].GetProperty("value").GetDecimal());
        Assert.Equal("Fatima el Idrissi", history[1].GetProperty("recordedBy").GetString());
        Assert.Equal("Ahmed Yilmaz", history[0].GetProperty("recordedBy").GetString());
        Assert.False(page.GetProperty("mayEdit").GetBoolean());
        using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        Assert.Equal(2, await db.Set<Streefwaarde>().CountAsync(s => s.DoelId == id));
        var audit = await db.Set<AuditEvent>().Where(e => e.Stream == "programma:" + Area).Select(e => e.Action).ToListAsync();
        Assert.Contains("doel.toegevoegd", audit);
        Assert.Contains("streefwaarde.gewijzigd", audit);
    }

    [Fact]
    public async Task Import_WithOneBadRow_StoresNothing_AndNamesTheRow()
    {
        var csv = Csv(
            $"Rotterdam-Zuid;{_indicator};2022;5,1;Leefbaarometer 3.0;01-07-2023",
            $"Rotterdam-Zuid;{_indicator};2023;vijf;Leefbaarometer 3.0;01-07-2024",
            "Rotterdam-Zuid;leefbaarometer-score;2024;5,4;Leefbaarometer 3.0;01-07-2025");

        var preview = await OkAsync(await ImportAsync(_rotterdam, csv, store: false));
        var store = await ImportAsync(_rotterdam, csv, store: true);

        Assert.False(preview.GetProperty("stored").GetBoolean());
        Assert.Equal(3, preview.GetProperty("rows").GetInt32());
        var lines = preview.GetProperty("lines").EnumerateArray().ToList();
        Assert.Empty(lines[0].GetProperty("problems").EnumerateArray());
        Assert.Empty(lines[2].GetProperty("problems").EnumerateArray());
        Assert.Equal(_indicator, lines[2].GetProperty("indicator").GetString()); // by its name, in any letter case
        Assert.Equal(3, lines[1].GetProperty("row").GetInt32());
        Assert.Contains("vijf", lines[1].GetProperty("problems")[0].GetString());
        var problem = await OkAsync(store, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("regel 3", problem.GetProperty("detail").GetString());
        Assert.Equal(3, problem.GetProperty("rows")[0].GetProperty("row").GetInt32());
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Import_OfAPeriodAgain_ReplacesOnlyWithAReason_AndKeepsTheOldValue()
    {
        await OkAsync(await ImportAsync(_rotterdam, Csv($"rotterdam-zuid;{_indicator};2023;5,1;Leefbaarometer 3.0;01-07-2024"), store: true));

        var again = Csv($"rotterdam-zuid;{_indicator};2023;5,3;Leefbaarometer 3.1;01-09-2024");
        var withoutReason = await ImportAsync(_rotterdam, again, store: true);
        var withReason = await OkAsync(await ImportAsync(_rotterdam, again, store: true, reason: "Herziene cijfers van de bron"));
        var byAmsterdam = await OkAsync(await ImportAsync(await _factory.SignInAsync("amsterdam-aanvrager"), again, store: false));

        await HttpAssert.StatusAsync(HttpStatusCode.UnprocessableEntity, withoutReason);
        Assert.True(withReason.GetProperty("stored").GetBoolean());
        Assert.Equal(1, withReason.GetProperty("replacing").GetInt32());
        Assert.Contains("Rotterdam-Zuid", byAmsterdam.GetProperty("lines")[0].GetProperty("problems")[0].GetString());
        using var scope = _factory.CreateScope();
        var rows = await CaseworkWebFactory.Db(scope).Set<Measurement>().Where(m => m.IndicatorCode == _indicator).OrderBy(m => m.RecordedAt).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(5.1m, rows[0].Value);
        Assert.Equal("Herziene cijfers van de bron", rows[0].ReplaceReason);
        Assert.Null(rows[1].ReplacedAt);
        Assert.Equal(5.3m, rows[1].Value);
    }

    [Fact]
    public async Task Measurement_ForAnotherArea_IsRefused_AndGarbageIs400()
    {
        var amsterdam = await _factory.SignInAsync("amsterdam-aanvrager");

        var foreign = await amsterdam.PostAsJsonAsync($"/api/v1/focusgebieden/{Area}/metingen", new { indicator = _indicator, period = "2024", value = 1m, source = "x", sourceDate = "2024-01-01" });
        var badPeriod = await _rotterdam.PostAsJsonAsync($"/api/v1/focusgebieden/{Area}/metingen", new { indicator = _indicator, period = "vorig jaar", value = 1m, source = "x", sourceDate = "2024-01-01" });
        var noHeader = await ImportAsync(_rotterdam, "a;b;c\n1;2;3", store: false);
        var own = await _rotterdam.PostAsJsonAsync($"/api/v1/focusgebieden/{Area}/metingen", new { indicator = _indicator, period = "2024-H1", value = 5.2m, source = "Leefbaarometer", sourceDate = "2024-07-01" });

        await HttpAssert.StatusAsync(HttpStatusCode.Forbidden, foreign);
        var problem = await OkAsync(badPeriod, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, noHeader);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, own);
        Assert.Equal(1, await CountAsync());
    }

    private async Task<JsonElement> AddDoelAsync(HttpClient client) =>
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/focusgebieden/{Area}/doelen", DoelBody()), HttpStatusCode.Created);

    private object DoelBody() => new
    {
        soort = "Uitvoeringsprogramma",
        actielijn = "wonen",
        omschrijving = "Bewoners waarderen hun buurt hoger",
        indicator = _indicator,
        baselineValue = 4.2m,
        baselineDate = "2022-01-01",
        baselineSource = "Leefbaarometer 3.0",
        streefwaarde = 5.2m,
        targetDate = "2030-12-31",
    };

    private static string Csv(params string[] rows) => "focusgebied;indicator;periode;waarde;bron;brondatum\n" + string.Join("\n", rows) + "\n";

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, bool store, string? reason = null)
    {
        var url = $"/api/v1/metingen/import?opslaan={(store ? "true" : "false")}" + (reason is null ? string.Empty : "&reden=" + Uri.EscapeDataString(reason));
        return client.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));
    }

    private async Task<int> CountAsync()
    {
        using var scope = _factory.CreateScope();
        return await CaseworkWebFactory.Db(scope).Set<Measurement>().CountAsync();
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await HttpAssert.StatusAsync(expected, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
