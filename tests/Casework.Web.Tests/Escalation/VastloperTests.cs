using System.Net;
using static Casework.Web.Tests.Escalation.Scenario;

namespace Casework.Web.Tests.Escalation;

public sealed class VastloperTests : IAsyncLifetime
{
    private readonly EscalationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Vastloper(string focusgebied = "rotterdam-zuid") => new
    {
        titel = "Sloopvergunning wacht op rijksmonumentenadvies",
        omschrijving = "De herstructurering staat stil omdat het advies al een jaar uitblijft.",
        focusgebied,
        besprokenInOverlegDate = "2026-02-20",
    };

    [Fact]
    public async Task RaiseVastloper_ByAllianceSecretary_GoesToRijksvertegenwoordigersDepartmentWithResponseTerm()
    {
        var (status, body) = await (await _host.As(Alliance)).Post("/api/v1/vastlopers", Vastloper());

        await Expect(HttpStatusCode.Created, (status, body));
        Assert.Equal("VRO", body.Str("department"));
        Assert.False(body.GetProperty("viaCoordinatingDepartment").GetBoolean());
        var @case = await CaseOf(_host, Vro, body.Id());
        Assert.Equal("inBehandeling", @case.Str("state"));
        Assert.Equal("VRO", @case.Str("routedTo"));
        Assert.Contains(@case.GetProperty("deadlines").EnumerateArray(), d => d.Str("kind") == "vastloper-reactietermijn" && d.Str("status") == "Running");
    }

    [Fact]
    public async Task RaiseVastloper_ForFocusgebiedWithoutRijksvertegenwoordiger_GoesToVroAsCoordinatingMinistry()
    {
        var (status, body) = await (await _host.As("ALLIANTIE-DELFT-WEST:Secretaris")).Post("/api/v1/vastlopers", Vastloper("delft-west"));

        await Expect(HttpStatusCode.Created, (status, body));
        Assert.Equal("VRO", body.Str("department"));
        Assert.True(body.GetProperty("viaCoordinatingDepartment").GetBoolean());
        Assert.Equal("VRO", body.GetProperty("case").Str("routedTo"));
    }

    [Fact]
    public async Task RaiseVastloper_ByAnotherAlliance_Returns403()
    {
        var (status, _) = await (await _host.As("ALLIANTIE-DELFT-WEST:Secretaris")).Post("/api/v1/vastlopers", Vastloper());

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task RaiseVastloper_ByGemeenteOfTheFocusgebied_WaitsForTheAllianceToForwardIt()
    {
        var (status, body) = await (await _host.As(Rotterdam)).Post("/api/v1/vastlopers", Vastloper());

        await Expect(HttpStatusCode.Created, (status, body));
        Assert.Equal("gemeld", body.GetProperty("case").Str("state"));
        await Expect(HttpStatusCode.OK, await (await _host.As(Alliance)).Fire(body.Id(), "doorzetten"));
        Assert.Equal("VRO", (await CaseOf(_host, Rotterdam, body.Id())).Str("routedTo"));
    }

    [Fact]
    public async Task OmzettenInKnelpunt_KeepsLinkAndHistoryOnBothCases()
    {
        var (_, vastloper) = await (await _host.As(Alliance)).Post("/api/v1/vastlopers", Vastloper());
        var version = (await CaseOf(_host, Vro, vastloper.Id())).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noReason = await (await _host.As(Vro)).Post($"/api/v1/vastlopers/{vastloper.Id()}/omzetten-in-knelpunt", new { }, version);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);

        var (status, converted) = await (await _host.As(Vro)).Post(
            $"/api/v1/vastlopers/{vastloper.Id()}/omzetten-in-knelpunt",
            new { reason = "De Erfgoedwet laat geen ruimte; dit is regelgeving.", wet = new { naam = "Erfgoedwet", bwbId = "BWBR0037521", artikel = "3.1" } },
            version);

        await Expect(HttpStatusCode.OK, (status, converted));
        var closedVastloper = converted.GetProperty("vastloper");
        Assert.Equal("omgezet-in-knelpunt", closedVastloper.GetProperty("case").Str("resultaat"));
        var knelpuntId = converted.GetProperty("knelpuntId").GetGuid();
        Assert.StartsWith("KNP-", converted.Str("knelpuntReference"), StringComparison.Ordinal);

        // The alliance sees both sides: the knelpunt points back at the vastloper with its whole history.
        var (_, knelpunt) = await (await _host.As(Alliance)).Get($"/api/v1/knelpunten/{knelpuntId}");
        Assert.Equal("SBSD", knelpunt.GetProperty("case").Str("routedTo"));
        Assert.Equal("Erfgoedwet", knelpunt.GetProperty("wet").Str("naam"));
        var link = Assert.Single(knelpunt.GetProperty("links").EnumerateArray());
        Assert.Equal("afgeleid-van", link.Str("kind"));
        Assert.Equal("uitgaand", link.Str("direction"));
        Assert.Equal(vastloper.Id(), link.GetProperty("caseId").GetGuid());
        Assert.Equal(["gemeld", "inBehandeling", "gesloten"], link.GetProperty("history").EnumerateArray().Select(s => s.Str("state")));
        var (_, vastloperNow) = await (await _host.As(Alliance)).Get($"/api/v1/vastlopers/{vastloper.Id()}");
        var back = Assert.Single(vastloperNow.GetProperty("links").EnumerateArray());
        Assert.Equal("inkomend", back.Str("direction"));
        Assert.Equal(knelpuntId, back.GetProperty("caseId").GetGuid());

        // The SBSD secretariat finds it in triage, and its audit trail names where it came from.
        var (sbsdStatus, _) = await (await _host.As(Sbsd)).Get($"/api/v1/knelpunten/{knelpuntId}");
        Assert.Equal(HttpStatusCode.OK, sbsdStatus);
        var (_, history) = await (await _host.As(Sbsd)).Get($"/api/v1/cases/{knelpuntId}/history");
        Assert.Contains(vastloper.GetProperty("case").Str("reference"), history.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OmzettenInKnelpunt_ThroughTheGenericAction_GivesTheSameKnelpuntAsTheDedicatedEndpoint()
    {
        var (_, viaEndpoint) = await (await _host.As(Alliance)).Post("/api/v1/vastlopers", Vastloper());
        var (_, viaAction) = await (await _host.As(Alliance)).Post("/api/v1/vastlopers", Vastloper());
        var version = (await CaseOf(_host, Vro, viaEndpoint.Id())).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string reason = "De Erfgoedwet laat geen ruimte; dit is regelgeving.";

        var (_, converted) = await (await _host.As(Vro)).Post(
            $"/api/v1/vastlopers/{viaEndpoint.Id()}/omzetten-in-knelpunt", new { reason, wet = new { naam = "Erfgoedwet", bwbId = "BWBR0037521", artikel = "3.1" } }, version);
        await Expect(HttpStatusCode.OK, await (await _host.As(Vro)).Fire(viaAction.Id(), "omzettenInKnelpunt", reason, new { wet = "Erfgoedwet", bwbId = "BWBR0037521", artikel = "3.1" }));
        var (_, actionVastloper) = await (await _host.As(Alliance)).Get($"/api/v1/vastlopers/{viaAction.Id()}");
        var actionKnelpuntId = Assert.Single(actionVastloper.GetProperty("links").EnumerateArray()).GetProperty("caseId").GetGuid();

        // Both knelpunten lie with the SBSD for triage, are visible to it and on its board, and carry the vastloper's content.
        foreach (var knelpuntId in new[] { converted.GetProperty("knelpuntId").GetGuid(), actionKnelpuntId })
        {
            var (status, knelpunt) = await (await _host.As(Sbsd)).Get($"/api/v1/knelpunten/{knelpuntId}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("SBSD", knelpunt.GetProperty("case").Str("routedTo"));
            Assert.Equal("Erfgoedwet", knelpunt.GetProperty("wet").Str("naam"));
            Assert.Equal("BWBR0037521", knelpunt.GetProperty("wet").Str("bwbId"));
            Assert.Contains("De herstructurering staat stil", knelpunt.Str("omschrijving"), StringComparison.Ordinal);
            Assert.Equal("afgeleid-van", Assert.Single(knelpunt.GetProperty("links").EnumerateArray()).Str("kind"));
        }
    }
}
