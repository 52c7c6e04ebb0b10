using System.Net;
using System.Text.Json;

namespace Casework.Web.Tests.Escalation;

/// <summary>Steps shared by the escalation tests: raise a knelpunt, walk it to a proposal, plan a meeting.</summary>
public static class Scenario
{
    public const string Alliance = "alliantie-rotterdam-zuid";
    public const string Sbsd = "sbsd-secretaris";
    public const string Brsd = "brsd-secretaris";
    public const string Vro = "vro-beoordelaar";
    public const string Szw = "szw-beoordelaar";
    public const string Rotterdam = "rotterdam-aanvrager";
    public const string Amsterdam = "amsterdam-aanvrager";

    public static object Knelpunt(string titel = "Woningdelen blokkeert schuldhulp") => new
    {
        titel,
        omschrijving = "Inwoners die een woning delen verliezen hun toeslag, waardoor schuldhulp vastloopt.",
        wet = new { naam = "Participatiewet", bwbId = "BWBR0015703", artikel = "22a" },
        domein = "schulden",
        voorgesteldeOplossing = "Kostendelersnorm niet toepassen tijdens een schuldhulptraject.",
    };

    public static async Task<Guid> RaiseKnelpunt(EscalationHost host, string who = Alliance, string? titel = null)
    {
        var (status, body) = await (await host.As(who)).Post("/api/v1/knelpunten", titel is null ? Knelpunt() : Knelpunt(titel));
        Assert.Equal(HttpStatusCode.Created, status);
        return body.Id();
    }

    /// <summary>Triage to VRO and VRO's proposal: the knelpunt waits in <c>voorstel</c> for the SBSD agenda.</summary>
    public static async Task<Guid> KnelpuntWithProposal(EscalationHost host, string who = Alliance, string? titel = null)
    {
        var id = await RaiseKnelpunt(host, who, titel);
        await Expect(HttpStatusCode.OK, await (await host.As(Sbsd)).Fire(id, "triageAfronden", data: new { domein = "schulden", trekkendDepartement = "VRO" }));
        await Expect(HttpStatusCode.OK, await (await host.As(Vro)).Fire(id, "voorstelIndienen", data: new { voorgesteldeOplossing = "Experimenteerruimte in de Participatiewet." }));
        return id;
    }

    public static async Task<JsonElement> PlanMeeting(EscalationHost host, string secretary, string body, DateOnly date)
    {
        var (status, meeting) = await (await host.As(secretary)).Post("/api/v1/meetings", new { body, date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Created, status);
        return meeting;
    }

    public static async Task<JsonElement> AddToAgenda(EscalationHost host, string secretary, Guid meetingId, Guid caseId, string? lateReason = null)
    {
        var (status, item) = await (await host.As(secretary)).Post($"/api/v1/meetings/{meetingId}/agenda-items", new { caseId, lateReason });
        Assert.True(status == HttpStatusCode.Created, $"{status}: {item}");
        return item;
    }

    public static async Task<JsonElement> CaseOf(EscalationHost host, string who, Guid id)
    {
        var (status, body) = await (await host.As(who)).Get($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    public static Task Expect(HttpStatusCode expected, (HttpStatusCode Status, JsonElement Body) response)
    {
        Assert.True(response.Status == expected, $"Expected {expected}, got {response.Status}: {response.Body}");
        return Task.CompletedTask;
    }
}
