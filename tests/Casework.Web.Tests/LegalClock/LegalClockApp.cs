using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Persistence.Configurations;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.LegalClock;

/// <summary>
/// One host on a SQLite file with a fake clock and the polling loop off, so a test drives the worker's passes.
/// Two instances on the same file are two hosts sharing one database.
/// </summary>
internal sealed class LegalClockApp : IAsyncDisposable
{
    private readonly CaseworkWebFactory _factory;
    private readonly WebApplicationFactory<Program> _app;

    public LegalClockApp(FakeTimeProvider clock, string? databasePath = null, bool workerEnabled = false, string? postgresConnectionString = null)
    {
        Clock = clock;
        _factory = databasePath is null
            ? new CaseworkWebFactory { PostgresConnectionString = postgresConnectionString }
            : new CaseworkWebFactory(databasePath) { PostgresConnectionString = postgresConnectionString };
        _app = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Deadlines:Enabled", workerEnabled ? "true" : "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
    }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => _factory.DatabasePath;

    public IServiceProvider Services => _app.Services;

    public DeadlineWorker Worker => Services.GetRequiredService<DeadlineWorker>();

    /// <summary>An anonymous client.</summary>
    public HttpClient Anonymous() => _app.CreateClient();

    /// <summary>
    /// A client signed in as a demo user. The token is issued on the real clock: the bearer handler checks its
    /// lifetime against the real clock, while the app's legal time is the fake one.
    /// </summary>
    public HttpClient As(string demoUser)
    {
        var user = DemoUsers.Find(demoUser) ?? throw new ArgumentException($"No demo user '{demoUser}'.", nameof(demoUser));
        var options = Services.GetRequiredService<AuthOptions>();
        var token = AuthSetup.IssueDevToken(options, user.UserName, user.DisplayName, user.Organisation, user.Roles.Select(r => r.ToString()), TimeProvider.System.GetUtcNow());
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A knelpunt raised by Rotterdam, waiting in SBSD triage.</summary>
    public async Task<Guid> OpenKnelpuntAsync(string title = "Knelpunt wonen")
    {
        await using var scope = Services.CreateAsyncScope();
        var opener = scope.ServiceProvider.GetRequiredService<CaseOpener>();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        return await db.InWriteTransactionAsync(
            async ct =>
            {
                var caseFile = await opener.OpenAsync("knelpunt", "GM0599", title, Actor.Person("rotterdam-aanvrager", "GM0599", Role.GemeenteAanvrager), ct, routedTo: "SBSD");
                await db.SaveChangesAsync(ct);
                return caseFile.Id;
            },
            CancellationToken.None);
    }

    /// <summary>The SBSD secretary finishes triage through the API, which starts the knelpunt-reactietermijn.</summary>
    public async Task TriageAsync(Guid caseId, string department = "VRO")
    {
        using var sbsd = As("sbsd-secretaris");
        var current = await sbsd.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/actions/triageAfronden")
        {
            Content = JsonContent.Create(new { data = new { domein = "wonen", trekkendDepartement = department } }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{current.GetProperty("version").GetInt32()}\"");
        var response = await sbsd.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<Guid> OpenTriagedKnelpuntAsync(string department = "VRO", string title = "Knelpunt wonen")
    {
        var id = await OpenKnelpuntAsync(title);
        await TriageAsync(id, department);
        return id;
    }

    public async Task<Deadline> DeadlineOfAsync(Guid caseId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await Db(scope).Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == caseId);
    }

    public async Task<T> ShadowAsync<T>(Guid deadlineId, string property)
    {
        await using var scope = Services.CreateAsyncScope();
        return await Db(scope).Deadlines.Where(d => d.Id == deadlineId).Select(d => EF.Property<T>(d, property)).SingleAsync();
    }

    public async Task<DateTimeOffset> DueAtAsync(Guid caseId) =>
        await ShadowAsync<DateTimeOffset>((await DeadlineOfAsync(caseId)).Id, DeadlineConfiguration.DueAt);

    /// <summary>Status changes of the case made by the given action.</summary>
    public async Task<int> StatusCountAsync(Guid caseId, string actionId)
    {
        await using var scope = Services.CreateAsyncScope();
        var caseFile = await Db(scope).Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        return caseFile.Statuses.Count(s => s.ActionId == actionId);
    }

    public async Task<int> AuditCountAsync(Guid caseId, string action)
    {
        await using var scope = Services.CreateAsyncScope();
        var stream = AuditTrail.CaseStream(caseId);
        return await Db(scope).AuditEvents.CountAsync(e => e.Stream == stream && e.Action == action);
    }

    public async Task<int> OutboxCountAsync(Guid caseId, string actie)
    {
        await using var scope = Services.CreateAsyncScope();
        var hoofdObject = $"/api/v1/cases/{caseId}";
        return await Db(scope).Outbox.CountAsync(m => m.HoofdObject == hoofdObject && m.Actie == actie);
    }

    public static CaseworkDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
