using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;

namespace Casework.Web.Tests.Programme;

/// <summary>The register of all knelpunten: open to every signed-in user, searchable by law, content scoped to the case.</summary>
public sealed class KnelpuntenRegisterTests : IAsyncLifetime
{
    private static readonly string[] AmsterdamZuidoost = ["amsterdam-zuidoost"];
    private readonly CaseworkWebFactory _factory = new();
    private Guid _rotterdam;
    private Guid _amsterdam;

    public async Task InitializeAsync()
    {
        _rotterdam = (await SecretarySetup.KnelpuntReadyForSbsdAsync(_factory, "Kostendelersnorm bij schuldhulp")).Id;
        using var amsterdam = await _factory.SignInAsync("amsterdam-aanvrager");
        var raised = await amsterdam.PostAsJsonAsync("/api/v1/knelpunten", new
        {
            titel = "Splitsingsvergunning in de wijk",
            omschrijving = "De vergunningplicht remt de herstructurering.",
            wet = new { naam = "Huisvestingswet 2014", bwbId = "BWBR0035303", artikel = "21" },
            domein = "wonen",
            focusgebieden = AmsterdamZuidoost,
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, raised);
        _amsterdam = (await raised.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Register_FindsAKnelpuntByBwbId_ForAnySignedInUser_WithItsContentOnlyForThoseInvolved()
    {
        using var amsterdam = await _factory.SignInAsync("amsterdam-aanvrager");
        using var alliance = await _factory.SignInAsync("alliantie-rotterdam-zuid");

        var byBwb = await RowsAsync(amsterdam, "?wet=BWBR0015703");
        var byName = await RowsAsync(amsterdam, "?wet=huisvestingswet");
        var asAlliance = await RowsAsync(alliance, "?wet=bwbr0015703");
        var all = await RowsAsync(amsterdam, string.Empty);

        var found = Assert.Single(byBwb);
        Assert.Equal(_rotterdam, found.GetProperty("id").GetGuid());
        Assert.Equal("Participatiewet", found.GetProperty("wetNaam").GetString());
        Assert.Equal("schulden", found.GetProperty("domein").GetString());
        Assert.Equal("VRO", found.GetProperty("leadDepartment").GetString());
        Assert.False(found.GetProperty("contentVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, found.GetProperty("omschrijving").ValueKind);
        Assert.Equal(_amsterdam, Assert.Single(byName).GetProperty("id").GetGuid());
        Assert.True(Assert.Single(asAlliance).GetProperty("contentVisible").GetBoolean());
        Assert.Contains("schuldhulp", asAlliance[0].GetProperty("omschrijving").GetString());
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task Register_FiltersOnDomainDepartmentFocusgebiedAndStatus_AndRefusesAnUnknownStatus()
    {
        using var reader = await _factory.SignInAsync("commissie-wbi");

        Assert.Equal(_amsterdam, Assert.Single(await RowsAsync(reader, "?domein=wonen")).GetProperty("id").GetGuid());
        Assert.Equal(_rotterdam, Assert.Single(await RowsAsync(reader, "?departement=vro")).GetProperty("id").GetGuid());
        Assert.Equal(_amsterdam, Assert.Single(await RowsAsync(reader, "?focusgebied=amsterdam-zuidoost")).GetProperty("id").GetGuid());

        // Raised by the alliance of Rotterdam-Zuid without naming an area: raised from that area.
        var fromAlliance = Assert.Single(await RowsAsync(reader, "?focusgebied=rotterdam-zuid"));
        Assert.Equal(_rotterdam, fromAlliance.GetProperty("id").GetGuid());
        Assert.Equal("Rotterdam-Zuid", fromAlliance.GetProperty("focusgebiedNames")[0].GetString());
        Assert.Empty(await RowsAsync(reader, "?status=gesloten"));
        Assert.Equal(2, (await RowsAsync(reader, "?status=open")).Count);
        var bad = await reader.GetAsync("/api/v1/knelpuntenregister?status=half");
        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, bad);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task FocusgebiedPage_ListsItsKnelpunt_WithItsLevel()
    {
        using var reader = await _factory.SignInAsync("szw-beoordelaar");

        var area = (await (await reader.GetAsync("/api/v1/focusgebieden/amsterdam-zuidoost")).ReadJsonAsync()).GetProperty("figures");

        var item = Assert.Single(area.GetProperty("escalations").EnumerateArray());
        Assert.Equal(_amsterdam, item.GetProperty("id").GetGuid());
        Assert.Equal("Triage SBSD", item.GetProperty("level").GetString());
        Assert.False(item.GetProperty("closed").GetBoolean());
        Assert.Equal(1, area.GetProperty("knelpunten").GetProperty("open").GetInt32());
        Assert.Equal(1, area.GetProperty("knelpunten").GetProperty("opened").GetInt32());
        Assert.Equal(0, area.GetProperty("knelpunten").GetProperty("escalated").GetInt32());
    }

    [Fact]
    public async Task AnSbsdDecisionToEscalate_ShowsOnTheAreaAndInTheHalfYearsReport()
    {
        var meeting = await SecretarySetup.PlanSbsdMeetingTodayAsync(_factory, "SBSD van vandaag");
        var item = await SecretarySetup.AddToAgendaAsync(_factory, meeting, _rotterdam);
        using (var sbsd = await _factory.SignInAsync("sbsd-secretaris"))
        {
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await sbsd.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items/{item}/decision", new
            {
                action = "sbsdEscaleren",
                besluit = "Het SBSD legt het knelpunt voor aan de BRSD.",
                reason = "Vraagt een bestuurlijke afweging.",
            }));
        }

        using var reader = await _factory.SignInAsync("auditor");
        var half = Casework.Web.Features.Programme.HalfYear.Of(SecretarySetup.Today(_factory)).Code;
        var area = (await (await reader.GetAsync("/api/v1/focusgebieden/rotterdam-zuid")).ReadJsonAsync()).GetProperty("figures");
        var report = await (await reader.GetAsync($"/api/v1/voortgangsrapportage?halfjaar={half}")).ReadJsonAsync();

        var escalated = Assert.Single(area.GetProperty("escalations").EnumerateArray());
        Assert.Equal("Brede Regietafel Sociaal Domein", escalated.GetProperty("level").GetString());
        Assert.True(escalated.GetProperty("escalated").GetBoolean());
        Assert.Equal(1, area.GetProperty("knelpunten").GetProperty("escalated").GetInt32());
        var dealt = Assert.Single(area.GetProperty("meetings").EnumerateArray());
        Assert.Equal("SBSD", dealt.GetProperty("bodyCode").GetString());
        Assert.Equal("Het SBSD legt het knelpunt voor aan de BRSD.", Assert.Single(dealt.GetProperty("decisions").EnumerateArray()).GetProperty("besluit").GetString());
        Assert.Equal(1, report.GetProperty("knelpunten").GetProperty("escalated").GetInt32());
        Assert.Equal(2, report.GetProperty("knelpunten").GetProperty("opened").GetInt32());
        var decision = Assert.Single(report.GetProperty("decisions").EnumerateArray());
        Assert.Equal("Strategisch Beraad Sociaal Domein", decision.GetProperty("body").GetString());
    }

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/knelpuntenregister" + query);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }
}
