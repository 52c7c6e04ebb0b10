using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// The real app on its own SQLite file with a <see cref="FakeTimeProvider"/> as the clock (token lifetimes are
/// checked against the same fake clock), and HTTP helpers that walk an application through its procedure.
/// </summary>
public sealed class ApplicationsHost : IAsyncDisposable
{
    private readonly CaseworkWebFactory _root;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly Dictionary<string, string> _tokens = [];
    private readonly IReadOnlyDictionary<string, string>? _settings;

    /// <param name="now">The fake clock's start.</param>
    /// <param name="postgresConnectionString">Run on this PostgreSQL database instead of a SQLite file of its own.</param>
    /// <param name="settings">Extra configuration (key as in appsettings), also for a <see cref="SecondHost"/>.</param>
    /// <param name="deadlinePolling">False: the deadline worker's polling loop is off and a test drives its passes (<see cref="Worker"/>).</param>
    public ApplicationsHost(DateTimeOffset now, string? postgresConnectionString = null, IReadOnlyDictionary<string, string>? settings = null, bool deadlinePolling = true)
        : this(now, new CaseworkWebFactory { PostgresConnectionString = postgresConnectionString }, settings, deadlinePolling)
    {
    }

    private ApplicationsHost(DateTimeOffset now, CaseworkWebFactory root, IReadOnlyDictionary<string, string>? settings, bool deadlinePolling = true)
    {
        _root = root;
        _settings = settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            root.Settings[key] = value;
        }

        Clock = new FakeTimeProvider(now);
        _factory = _root.WithWebHostBuilder(b => b.UseSetting("Deadlines:Enabled", deadlinePolling ? "true" : "false").ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // These tests move the clock by days and years; a token's lifetime is not what they test.
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
                o.TokenValidationParameters.LifetimeValidator = (_, _, _, _) => true);
        }));
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The deadline worker, for a test that drives its passes (with <c>deadlinePolling: false</c>).</summary>
    public Casework.Web.Features.Deadlines.DeadlineWorker Worker => _factory.Services.GetRequiredService<Casework.Web.Features.Deadlines.DeadlineWorker>();

    /// <summary>Another host (process) on this host's database at the same time; it leaves the database to this host.</summary>
    public ApplicationsHost SecondHost() =>
        new(Clock.GetUtcNow(), new CaseworkWebFactory(_root.DatabasePath) { PostgresConnectionString = _root.PostgresConnectionString, KeepDatabase = true }, _settings);

    public HttpClient Anonymous => _factory.CreateClient();

    /// <summary>The app itself, for clients that behave like a browser (cookies, antiforgery).</summary>
    public WebApplicationFactory<Program> Factory => _factory;

    public static DateTimeOffset Amsterdam(string local)
    {
        var value = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        return new DateTimeOffset(value, zone.GetUtcOffset(value)).ToUniversalTime();
    }

    public AsyncServiceScope Scope() => _factory.Services.CreateAsyncScope();

    public async Task<HttpClient> AsAsync(string organisation, params string[] roles)
    {
        var key = organisation + ":" + string.Join(',', roles);
        if (!_tokens.TryGetValue(key, out var token))
        {
            var response = await Anonymous.PostAsJsonAsync("/api/v1/dev/token", new { organisation, roles });
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Signing in as {key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[key] = token;
        }

        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in as one of the demo users (<c>vro-beoordelaar</c>, <c>vro-beoordelaar-2</c>, ...).</summary>
    public async Task<HttpClient> AsUserAsync(string user)
    {
        var key = "user:" + user;
        if (!_tokens.TryGetValue(key, out var token))
        {
            var response = await Anonymous.PostAsJsonAsync("/api/v1/dev/token", new { user });
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Signing in as {user} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[key] = token;
        }

        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> GemeenteAsync(string cbs) => AsAsync(cbs, "GemeenteAanvrager");

    /// <summary>A client that behaves like a browser on the pages (cookies), signed in as a demo user.</summary>
    public Task<HttpClient> BrowserAsync(string user) => Pages.GemeentePageSetup.BrowserAsync(_factory, user);

    public async Task<Guid> TrancheIdAsync(string regeling, string name)
    {
        var list = await Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        return list.EnumerateArray()
            .Single(t => t.GetProperty("regeling").GetString() == regeling && t.GetProperty("name").GetString() == name)
            .GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, int? version = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public async Task<JsonElement> CreateAsync(string cbs, ApplicationBuilder application) =>
        await OkAsync(await SendAsync(await GemeenteAsync(cbs), HttpMethod.Post, "/api/v1/applications", application.Build()), HttpStatusCode.Created);

    /// <summary>Submits as the gemeente, after attaching the bijlagen its round requires (none for a seeded historic round).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string cbs, JsonElement created)
    {
        var gemeente = await GemeenteAsync(cbs);
        await RequiredBijlagen.AttachAsync(gemeente, created.GetProperty("id").GetGuid());
        return await SubmitWithoutAttachingAsync(cbs, created);
    }

    /// <summary>Submits the dossier as it is.</summary>
    public async Task<HttpResponseMessage> SubmitWithoutAttachingAsync(string cbs, JsonElement created) =>
        await SendAsync(await GemeenteAsync(cbs), HttpMethod.Post, $"/api/v1/applications/{created.GetProperty("id").GetGuid()}/submit", null, created.GetProperty("version").GetInt32());

    /// <summary>
    /// Under the vier-ogenprincipe (vhf/wbi v3) a besluit fired by one reviewer is only a proposal: a colleague of the same
    /// organisation (<paramref name="colleague"/>, a demo user) confirms it, at the case's current version.
    /// </summary>
    public async Task<HttpResponseMessage> ConfirmAsync(Guid id, string colleague = "vro-beoordelaar-2") =>
        await SendAsync(await AsUserAsync(colleague), HttpMethod.Post, $"/api/v1/cases/{id}/proposal/confirm", null, await VersionAsync(id));

    /// <summary>
    /// The besluit as taken: when <paramref name="proposed"/> answered with a pending proposal (a case's <c>proposal</c> or
    /// an application's <c>proposedDecision</c>), a colleague's confirmation of it; a refusal or a direct transition as it came.
    /// </summary>
    public async Task<HttpResponseMessage> ConfirmedAsync(HttpResponseMessage proposed, Guid id, string colleague = "vro-beoordelaar-2")
    {
        if (!proposed.IsSuccessStatusCode)
        {
            return proposed;
        }

        var body = await BodyAsync(proposed);
        var pending = (body.TryGetProperty("proposal", out var proposal) && proposal.ValueKind == JsonValueKind.Object)
            || (body.TryGetProperty("proposedDecision", out var decision) && decision.ValueKind == JsonValueKind.String);
        return pending ? await ConfirmAsync(id, colleague) : proposed;
    }

    /// <summary>
    /// <c>POST /applications/{id}/award</c> as <paramref name="client"/>, confirmed by a colleague (vier-ogenprincipe): the
    /// first refusal as it came (of the proposal or of its confirmation), otherwise the application as it now is.
    /// </summary>
    public async Task<HttpResponseMessage> AwardConfirmedAsync(HttpClient client, Guid id, object body, string colleague = "vro-beoordelaar-2")
    {
        var confirmed = await ConfirmedAsync(await SendAsync(client, HttpMethod.Post, $"/api/v1/applications/{id}/award", body, await VersionAsync(id)), id, colleague);
        return confirmed.IsSuccessStatusCode ? await client.GetAsync($"/api/v1/applications/{id}") : confirmed;
    }

    /// <summary>Fires a besluit as <paramref name="client"/> and has a colleague confirm it (vier-ogenprincipe); the confirmed case.</summary>
    public async Task<JsonElement> DecideAsync(HttpClient client, Guid caseId, string action, object? body, string colleague = "vro-beoordelaar-2") =>
        await OkAsync(await ConfirmedAsync(await FireRawAsync(client, caseId, action, body), caseId, colleague));

    public static async Task<JsonElement> FireAsync(HttpClient client, Guid caseId, string action, object? body) =>
        await OkAsync(await FireRawAsync(client, caseId, action, body));

    /// <summary>Fires an action through the generic endpoint at the case's current version; the response as it came.</summary>
    public static async Task<HttpResponseMessage> FireRawAsync(HttpClient client, Guid caseId, string action, object? body)
    {
        var current = await OkAsync(await client.GetAsync($"/api/v1/cases/{caseId}"));
        return await SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{caseId}/actions/{action}", body ?? new { }, current.GetProperty("version").GetInt32());
    }

    /// <summary>Create, submit, complete, admit, score and advise positively: the application is ready for a decision.</summary>
    public async Task<Guid> ToRankingAsync(string cbs, ApplicationBuilder application, IDictionary<string, decimal> scores, string committee = "TC-WBI")
    {
        var created = await CreateAsync(cbs, application);
        await OkAsync(await SubmitAsync(cbs, created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        await FireAsync(await AsAsync("VRO", "Beoordelaar"), id, "toelaten", null);
        var tc = await AsAsync(committee, "Commissielid");
        await CommitteeAdviceAsync(committee, id, new { scores }, "Positief");
        await FireAsync(tc, id, "adviseren", new { data = new { advies = "positief" } });
        return id;
    }

    /// <summary>The committee's one (development) member scores and, appointed chair, records the advice as the mean: one member's scores.</summary>
    public async Task CommitteeAdviceAsync(string committee, Guid id, object memberScore, string advice)
    {
        var tc = await AsAsync(committee, "Commissielid");
        await AppointChairAsync(committee, $"dev-{committee.ToLowerInvariant()}-commissielid");
        await OkAsync(await SendAsync(tc, HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine", memberScore));
        await OkAsync(await SendAsync(tc, HttpMethod.Put, $"/api/v1/applications/{id}/scores", new { advice }));
    }

    /// <summary>The Beheerder appoints the chair of a committee.</summary>
    public async Task AppointChairAsync(string committee, string userId, string name = "Voorzitter")
    {
        var beheerder = await AsAsync("VRO", "Beheerder");
        await OkAsync(await SendAsync(beheerder, HttpMethod.Put, $"/api/v1/committees/{committee}/chair", new { userId, name }));
    }

    public async Task<int> VersionAsync(Guid id) =>
        (await OkAsync(await (await AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/applications/{id}"))).GetProperty("version").GetInt32();

    public async Task<T> DbAsync<T>(Func<Casework.Web.Persistence.CaseworkDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(CaseworkWebFactory.Db(scope));
    }

    public async Task SetLedgerAsync(Guid trancheId, long ceilingCents, long committedCents) =>
        await DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"RoundBudgets\" SET \"CeilingCents\" = {ceilingCents}, \"CommittedCents\" = {committedCents} WHERE \"Id\" = {trancheId}"));

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
    }
}

/// <summary>A valid WBI application (600 homes, half affordable, own contribution half the deficit) to vary per test.</summary>
public sealed class ApplicationBuilder
{
    private ApplicationBuilder(Guid trancheId) => TrancheId = trancheId;

    public Guid TrancheId { get; set; }

    public string ProjectName { get; set; } = "Centrumplan Noord";

    public string? Focusgebied { get; set; }

    public string? OtherArea { get; set; } = "Stationsgebied";

    public int SocialeHuur { get; set; } = 300;

    public int Middenhuur { get; set; }

    public int BetaalbareKoop { get; set; }

    public int Other { get; set; } = 300;

    public decimal FinancialDeficit { get; set; } = 10_000_000m;

    public decimal RequestedAmount { get; set; } = 5_000_000m;

    public decimal OwnContribution { get; set; } = 5_000_000m;

    public DateOnly Start { get; set; } = new(2025, 6, 1);

    public DateOnly Completion { get; set; } = new(2030, 1, 1);

    public IReadOnlyList<string> JointMembers { get; set; } = [];

    public bool Herkansing { get; set; }

    public decimal? PrimaryActivitiesAmount { get; set; }

    public bool StudentHousing { get; set; }

    public string? PreviousApplicationReference { get; set; }

    public static ApplicationBuilder Wbi(Guid trancheId) => new(trancheId);

    public ApplicationBuilder WithHomes(int total)
    {
        SocialeHuur = total / 2 + total % 2;
        Other = total / 2;
        return this;
    }

    public ApplicationBuilder With(Action<ApplicationBuilder> change)
    {
        change(this);
        return this;
    }

    public object Build() => new
    {
        trancheId = TrancheId,
        projectName = ProjectName,
        focusgebied = Focusgebied,
        otherArea = Focusgebied is null ? OtherArea : null,
        jointMembers = JointMembers,
        homes = new { socialeHuur = SocialeHuur, middenhuur = Middenhuur, betaalbareKoop = BetaalbareKoop, other = Other },
        financialDeficit = FinancialDeficit,
        requestedAmount = RequestedAmount,
        ownContribution = OwnContribution,
        plannedConstructionStartDate = Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        plannedCompletionDate = Completion.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        herkansing = Herkansing,
        previousApplicationReference = PreviousApplicationReference,
        primaryActivitiesAmount = PrimaryActivitiesAmount,
        studentHousing = StudentHousing,
    };
}
