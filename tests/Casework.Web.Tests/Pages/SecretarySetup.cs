using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Casework.Domain.Time;
using Casework.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// Data the secretary pages act on, set up through the API as the people involved would: an alliance raises a
/// knelpunt, the SBSD secretariat triages it to VRO, VRO proposes a solution (the knelpunt waits for the SBSD
/// agenda), and the SBSD secretary plans a meeting today (the app's clock) whose agenda is still open.
/// </summary>
internal static partial class SecretarySetup
{
    public const string SbsdSecretary = "sbsd-secretaris";

    /// <summary>Today in Amsterdam on the app's own clock, so the test and the app agree on the date.</summary>
    public static DateOnly Today(CaseworkWebFactory factory) => AmsterdamClock.Today(factory.Services.GetRequiredService<TimeProvider>());

    public sealed record ReadyKnelpunt(Guid Id, string Reference, string Title, string StateLabel)
    {
        /// <summary>How the agenda form's case select names it.</summary>
        public string OptionLabel => $"{Reference}: {Title} ({StateLabel})";
    }

    public static async Task<ReadyKnelpunt> KnelpuntReadyForSbsdAsync(CaseworkWebFactory factory, string title)
    {
        using var alliance = await factory.SignInAsync("alliantie-rotterdam-zuid");
        var raised = await alliance.PostAsJsonAsync("/api/v1/knelpunten", new
        {
            titel = title,
            omschrijving = "Inwoners die een woning delen verliezen hun toeslag, waardoor schuldhulp vastloopt.",
            wet = new { naam = "Participatiewet", bwbId = "BWBR0015703", artikel = "22a" },
            domein = "schulden",
            voorgesteldeOplossing = "Kostendelersnorm niet toepassen tijdens een schuldhulptraject.",
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, raised);
        var id = (await raised.ReadJsonAsync()).GetProperty("id").GetGuid();

        using var sbsd = await factory.SignInAsync(SbsdSecretary);
        await FireOkAsync(sbsd, id, "triageAfronden", new { data = new { domein = "schulden", trekkendDepartement = "VRO" } });
        using var vro = await factory.SignInAsync("vro-beoordelaar");
        await FireOkAsync(vro, id, "voorstelIndienen", new { data = new { voorgesteldeOplossing = "Experimenteerruimte in de Participatiewet." } });

        var @case = await sbsd.GetCaseAsync(id);
        return new ReadyKnelpunt(id, @case.GetProperty("reference").GetString()!, title, @case.GetProperty("stateLabel").GetString()!);
    }

    /// <summary>An SBSD meeting held today whose agenda closes today: cases can still go on it and decisions can be recorded.</summary>
    public static async Task<Guid> PlanSbsdMeetingTodayAsync(CaseworkWebFactory factory, string title)
    {
        using var sbsd = await factory.SignInAsync(SbsdSecretary);
        var today = Today(factory).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await sbsd.PostAsJsonAsync("/api/v1/meetings", new { body = "SBSD", date = today, cutOffDate = today, title });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> AddToAgendaAsync(CaseworkWebFactory factory, Guid meetingId, Guid caseId)
    {
        using var sbsd = await factory.SignInAsync(SbsdSecretary);
        var response = await sbsd.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/agenda-items", new { caseId });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A page client (with cookies) signed in through the development picker, as a browser is.</summary>
    public static async Task<HttpClient> PageClientAsync(Func<HttpClient> create, string user)
    {
        var client = create();
        var picker = await client.GetStringAsync("/dev/sign-in");
        var response = await client.PostAsync("/dev/sign-in", Form(("__RequestVerificationToken", Token(picker)), ("user", user), ("returnUrl", "/")));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Sign-in as {user} answered {response.StatusCode}.");
        Assert.Contains("U bent aangemeld", await client.GetStringAsync("/"), StringComparison.Ordinal);
        return client;
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    private static async Task FireOkAsync(HttpClient client, Guid caseId, string action, object body)
    {
        var version = (await client.GetCaseAsync(caseId)).GetProperty("version").GetInt32();
        var response = await client.FireAsync(caseId, action, version, body);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*\\svalue=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
