using Casework.Domain.Time;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.AfterAward;

/// <summary>An award taken away after objection closes what followed it: milestones and SiSa years, with the reason; nothing escalates after.</summary>
public sealed class AwardRemovalTests
{
    [Fact]
    public async Task WbiAwardRejectedAfterObjection_ClosesMilestonesAndSisaYearsWithTheReason_AndNothingExpiresLater()
    {
        await using var app = new AfterAwardHost();
        await app.InitializeAsync();
        var id = await app.AwardedAsync();

        await RemoveAwardAfterObjectionAsync(app, id);

        var award = await app.AfterAwardAsync(id);
        var milestones = award.GetProperty("milestones").EnumerateArray().ToList();
        Assert.All(milestones, m => Assert.Equal("vervallen", m.GetProperty("status").GetString()));
        Assert.All(milestones, m => Assert.Contains("Afwijzen", m.GetProperty("judgementReason").GetString(), StringComparison.Ordinal));
        Assert.All(milestones, m => Assert.Contains("project past niet in de regeling", m.GetProperty("judgementReason").GetString(), StringComparison.Ordinal));
        var year = Assert.Single(award.GetProperty("sisaYears").EnumerateArray());
        Assert.Equal("vervallen", year.GetProperty("status").GetString());
        Assert.Contains("Afwijzen", year.GetProperty("closedReason").GetString(), StringComparison.Ordinal);
        await AssertNothingRunsOrEscalatesAsync(app, id);
        await app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task VhfAwardRejectedAfterObjection_StopsTheMilestonesOwnTerms_AndAPendingUitstel()
    {
        await using var app = new AfterAwardHost("2024-07-01 10:00", "Vhf", "2024-R4");
        await app.InitializeAsync();
        var id = await app.AwardedAsync(sentDate: "2024-07-03");
        Assert.Equal(DeadlineStatus.Running, Assert.Single(await app.DeadlinesAsync(id, "mijlpaal-start-bouw")).Status);

        await RemoveAwardAfterObjectionAsync(app, id);

        Assert.Equal(DeadlineStatus.Stopped, Assert.Single(await app.DeadlinesAsync(id, "mijlpaal-start-bouw")).Status);
        Assert.Equal(DeadlineStatus.Stopped, Assert.Single(await app.DeadlinesAsync(id, "mijlpaal-gereed")).Status);
        var award = await app.AfterAwardAsync(id);
        Assert.All(award.GetProperty("milestones").EnumerateArray(), m => Assert.Equal("vervallen", m.GetProperty("status").GetString()));
        await AssertNothingRunsOrEscalatesAsync(app, id);
        await app.AssertLedgerMatchesRowsAsync();
    }

    /// <summary>The gemeente objects to the award, VRO declares it gegrond, and in the heroverweging VRO rejects (vier-ogen).</summary>
    private static async Task RemoveAwardAfterObjectionAsync(AfterAwardHost app, Guid id)
    {
        await FireAsync(app.Gemeente, id, "bezwaarMakenTegenToekenning", new { reason = "de voorwaarden kloppen niet" });
        await FireAsync(app.Vro, id, "bezwaarGegrondVerklaren", new { reason = "heroverweging nodig", data = new { verzenddatum = app.Host.Clock.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } });
        var stillOpen = await app.AfterAwardAsync(id);
        Assert.All(stillOpen.GetProperty("milestones").EnumerateArray(), m => Assert.Equal("open", m.GetProperty("status").GetString()));
        var rejected = await app.Host.DecideAsync(app.Vro, id, "afwijzen", new { reason = "het project past niet in de regeling", data = new { verzenddatum = app.Host.Clock.GetUtcNow().AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } });
        Assert.Equal("afgewezen", rejected.GetProperty("state").GetString());
    }

    private static async Task AssertNothingRunsOrEscalatesAsync(AfterAwardHost app, Guid id)
    {
        string[] kinds = ["wbi-start-bouw", "wbi-alle-woningen", "mijlpaal-start-bouw", "mijlpaal-gereed", "sisa-verantwoording", "sisa-verantwoording-uitstel", "sisa-uitstel-beslissing"];
        var running = await app.Host.DbAsync(db => db.Deadlines.AsNoTracking().Where(d => d.CaseId == id && kinds.Contains(d.KindId) && d.Status == DeadlineStatus.Running).CountAsync());
        Assert.Equal(0, running);
        var queue = await OkAsync(await app.Vro.GetAsync("/api/v1/awards/pending-judgement"));
        Assert.DoesNotContain(queue.EnumerateArray(), i => i.GetProperty("applicationId").GetGuid() == id);

        // Years later, past every term: the worker expires none of them and nothing lands in the department's queue.
        app.Advance("2035-01-01 10:00");
        await app.RunWorkerAsync();
        var expired = await app.Host.DbAsync(db => db.Deadlines.AsNoTracking().Where(d => d.CaseId == id && kinds.Contains(d.KindId) && d.Status == DeadlineStatus.Expired).CountAsync());
        Assert.Equal(0, expired);
        var later = await OkAsync(await app.Vro.GetAsync("/api/v1/awards/pending-judgement"));
        Assert.DoesNotContain(later.EnumerateArray(), i => i.GetProperty("applicationId").GetGuid() == id);
    }
}
