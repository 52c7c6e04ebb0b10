using System.Net;
using System.Text.Json;
using static Casework.Web.Tests.Escalation.Scenario;

namespace Casework.Web.Tests.Escalation;

/// <summary>The knelpunt feature's transition hook, driven through the generic action endpoint.</summary>
public sealed class KnelpuntTransitionHookTests : IAsyncLifetime
{
    private readonly EscalationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Samenvoegen_ByReferenceViaGenericActionEndpoint_WritesDuplicaatVanLinkOnBothCases()
    {
        var original = await RaiseKnelpunt(_host);
        var duplicate = await RaiseKnelpunt(_host);
        var reference = (await CaseOf(_host, Sbsd, original)).Str("reference");

        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Fire(duplicate, "samenvoegen", reason: "Hetzelfde knelpunt als eerder gemeld.", data: new { duplicaatVan = reference }));

        var outgoing = Assert.Single(await LinksAsync(duplicate), l => l.Str("kind") == "duplicaat-van");
        Assert.Equal("uitgaand", outgoing.Str("direction"));
        Assert.Equal(original, outgoing.GetProperty("caseId").GetGuid());
        Assert.Equal("Hetzelfde knelpunt als eerder gemeld.", outgoing.Str("reason"));
        var incoming = Assert.Single(await LinksAsync(original), l => l.Str("kind") == "duplicaat-van");
        Assert.Equal("inkomend", incoming.Str("direction"));
        Assert.Equal(duplicate, incoming.GetProperty("caseId").GetGuid());
        Assert.Equal("samengevoegd", (await CaseOf(_host, Sbsd, duplicate)).Str("state"));
    }

    [Fact]
    public async Task Samenvoegen_ById_WritesLink_AndARefusedMergeWritesNone()
    {
        var original = await RaiseKnelpunt(_host);
        var duplicate = await RaiseKnelpunt(_host);

        var refused = await (await _host.As(Sbsd)).Fire(duplicate, "samenvoegen", reason: "Met zichzelf.", data: new { duplicaatVan = duplicate.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.DoesNotContain(await LinksAsync(duplicate), l => l.Str("kind") == "duplicaat-van");

        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Fire(duplicate, "samenvoegen", reason: "Dubbel.", data: new { duplicaatVan = original.ToString() }));
        var link = Assert.Single(await LinksAsync(duplicate), l => l.Str("kind") == "duplicaat-van");
        Assert.Equal(original, link.GetProperty("caseId").GetGuid());
    }

    [Fact]
    public async Task TriageAfronden_ViaGenericActionEndpoint_CopiesTheChosenDomeinToTheKnelpunt()
    {
        var id = await RaiseKnelpunt(_host);
        Assert.Equal("schulden", (await KnelpuntAsync(id)).Str("domein"));

        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Fire(id, "triageAfronden", data: new { domein = "wonen", trekkendDepartement = "VRO" }));

        Assert.Equal("wonen", (await KnelpuntAsync(id)).Str("domein"));
    }

    [Fact]
    public async Task RaiseKnelpunt_WithTheProgrammesDomainGezondheid_KeepsIt()
    {
        var (status, body) = await (await _host.As(Alliance)).Post("/api/v1/knelpunten", new
        {
            titel = "Wijkverpleging mag niet delen met de schuldhulp",
            omschrijving = "Gegevens over zorg in de wijk mogen niet naar het sociaal wijkteam.",
            wet = new { naam = "Zorgverzekeringswet", bwbId = "BWBR0018450" },
            domein = "gezondheid",
        });

        await Expect(HttpStatusCode.Created, (status, body));
        Assert.Equal("gezondheid", body.Str("domein"));
    }

    [Fact]
    public async Task TriageAfronden_WithLegacyCodeZorgOfDefinitionV1_StoresTheProgrammesGezondheid()
    {
        var id = await RaiseKnelpunt(_host);

        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Fire(id, "triageAfronden", data: new { domein = "zorg", trekkendDepartement = "VWS" }));

        Assert.Equal("gezondheid", (await KnelpuntAsync(id)).Str("domein"));
    }

    private async Task<JsonElement> KnelpuntAsync(Guid id)
    {
        var (status, body) = await (await _host.As(Sbsd)).Get($"/api/v1/knelpunten/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private async Task<List<JsonElement>> LinksAsync(Guid id) => (await KnelpuntAsync(id)).GetProperty("links").EnumerateArray().ToList();
}
