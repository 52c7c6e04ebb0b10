using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// Committee members score individually (issue 19.3): each Commissielid of the round's committee scores per criterion,
/// a member who recuses (Awb 2:4) is refused and not counted, the chair records the committee's advice as the mean of the
/// counted members or as an agreed score with a reason, the ranking follows the advice, and each member sees what is
/// still theirs to score. SQLite file, real host.
/// </summary>
public sealed class CommitteeScoringTests : IAsyncLifetime
{
    // 8 x 0.30 + 7 x 0.30 + 6 x 0.15 + 9 x 0.25 = 7.65
    private static readonly Dictionary<string, decimal> High = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    // 6 x 0.30 + 7 x 0.30 + 6 x 0.15 + 9 x 0.25 = 7.05
    private static readonly Dictionary<string, decimal> Middle = new() { ["noodzaak"] = 6m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    // 10 x 0.30 + 10 x 0.30 + 10 x 0.15 + 10 x 0.25 = 10
    private static readonly Dictionary<string, decimal> Top = new() { ["noodzaak"] = 10m, ["effectiviteit"] = 10m, ["efficientie"] = 10m, ["urgentie"] = 10m };

    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;

    public async Task InitializeAsync()
    {
        _t6 = await _host.TrancheIdAsync("Wbi", "T6");
        await _host.AppointChairAsync("TC-WBI", "commissie-wbi", "Hans Smit");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RecusedMember_IsRefusedAsScorerWithTheAwbRule_AndTheirEarlierScoresNoLongerCount()
    {
        var id = await BeforeCommitteeAsync("GM0599");
        var member3 = await _host.AsUserAsync("commissie-wbi-3");
        await ScoreAsync("commissie-wbi", id, High);
        await ScoreAsync("commissie-wbi-3", id, Top);

        var recusal = await OkAsync(await SendAsync(member3, HttpMethod.Post, $"/api/v1/applications/{id}/committee-scores/recusal", new { reason = "Ik ben adviseur van de ontwikkelaar van dit project." }));
        var again = await SendAsync(member3, HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine", new { scores = Top });

        var problem = await OkAsync(again, HttpStatusCode.UnprocessableEntity);
        var rule = problem.GetProperty("brokenRules").EnumerateArray().Single();
        Assert.Equal("AWB-2:4-VERSCHONING", rule.GetProperty("code").GetString());
        Assert.StartsWith("Awb art. 2:4", rule.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(7.65m, recusal.GetProperty("meanTotal").GetDecimal()); // Top (10) no longer counts
        Assert.Equal(1, recusal.GetProperty("countedMembers").GetInt32());
        Assert.Equal(1, recusal.GetProperty("recusedMembers").GetInt32());
        var stored = await _host.DbAsync(db => db.Set<Casework.Web.Features.Applications.CommitteeScoring.CommitteeMemberScore>().AsNoTracking()
            .SingleAsync(s => s.ApplicationId == id && s.MemberUserId == "commissie-wbi-3"));
        Assert.Null(stored.Total);
        Assert.Null(stored.ScoresJson);
    }

    [Fact]
    public async Task ChairAdvice_ByDefault_IsTheMeanOfTheMembersWhoDidNotRecuse()
    {
        var id = await BeforeCommitteeAsync("GM0599");
        await ScoreAsync("commissie-wbi", id, High);
        await ScoreAsync("commissie-wbi-2", id, Middle);
        await ScoreAsync("commissie-wbi-3", id, Top);
        await OkAsync(await SendAsync(await _host.AsUserAsync("commissie-wbi-3"), HttpMethod.Post, $"/api/v1/applications/{id}/committee-scores/recusal", new { reason = "Familie werkt bij de gemeente." }));

        var advice = await OkAsync(await SendAsync(await _host.AsUserAsync("commissie-wbi"), HttpMethod.Put, $"/api/v1/applications/{id}/scores", new { advice = "Positief" }));

        // (7.65 + 7.05) / 2; with the recused member's 10 it would have been 8.2333...
        Assert.Equal(7.35m, advice.GetProperty("totalScore").GetDecimal());
        Assert.Equal("Positief", advice.GetProperty("advice").GetString());
        Assert.Equal(7m, advice.GetProperty("scores").GetProperty("noodzaak").GetDecimal()); // the mean per criterion: (8 + 6) / 2
        await FireAsync(await _host.AsUserAsync("commissie-wbi"), id, "adviseren", new { data = new { advies = "positief" } });
        Assert.Equal("rangschikking", (await OkAsync(await (await _host.AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/applications/{id}"))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AgreedScore_ThatDiffersFromTheMean_NeedsAReason_AndNothingIsStoredWithoutOne()
    {
        var id = await BeforeCommitteeAsync("GM0599");
        await ScoreAsync("commissie-wbi", id, High);
        await ScoreAsync("commissie-wbi-2", id, Middle);
        var chair = await _host.AsUserAsync("commissie-wbi");

        var withoutReason = await SendAsync(chair, HttpMethod.Put, $"/api/v1/applications/{id}/scores", new { advice = "Positief", agreedTotal = 7.5m });
        var problem = await OkAsync(withoutReason, HttpStatusCode.UnprocessableEntity);
        var unchanged = await OkAsync(await (await _host.AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/applications/{id}"));
        var sameAsMean = await OkAsync(await SendAsync(chair, HttpMethod.Put, $"/api/v1/applications/{id}/scores", new { advice = "Positief", agreedTotal = 7.35m }));
        var withReason = await OkAsync(await SendAsync(chair, HttpMethod.Put, $"/api/v1/applications/{id}/scores",
            new { advice = "Positief", agreedTotal = 7.5m, reason = "De commissie weegt de urgentie in de regio zwaarder na bespreking." }));

        Assert.Equal("COMMISSIE-AFWIJKING-ZONDER-REDEN", problem.GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("totalScore").ValueKind);
        Assert.Equal(7.35m, sameAsMean.GetProperty("totalScore").GetDecimal());
        Assert.Equal(7.5m, withReason.GetProperty("totalScore").GetDecimal());
        var audited = await _host.DbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.ObjectId == id.ToString() && e.Action == "aanvraag.advies.commissie").OrderBy(e => e.Sequence).Select(e => e.Reason).ToListAsync());
        Assert.Equal([null, "De commissie weegt de urgentie in de regio zwaarder na bespreking."], audited);
    }

    [Fact]
    public async Task MemberOfAnotherCommittee_OrAMemberWhoIsNotTheChair_IsRefused_AndNothingIsStored()
    {
        var id = await BeforeCommitteeAsync("GM0599");
        await ScoreAsync("commissie-wbi-2", id, Middle);

        var otherCommittee = await SendAsync(await _host.AsUserAsync("commissie-vhf"), HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine", new { scores = High });
        var otherRecusal = await SendAsync(await _host.AsUserAsync("commissie-vhf"), HttpMethod.Post, $"/api/v1/applications/{id}/committee-scores/recusal", new { reason = "x" });
        var reviewer = await SendAsync(await _host.AsAsync("VRO", "Beoordelaar"), HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine", new { scores = High });
        var notChair = await SendAsync(await _host.AsUserAsync("commissie-wbi-2"), HttpMethod.Put, $"/api/v1/applications/{id}/scores", new { advice = "Positief" });

        Assert.Equal(HttpStatusCode.NotFound, otherCommittee.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRecusal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        var rule = (await OkAsync(notChair, HttpStatusCode.UnprocessableEntity)).GetProperty("brokenRules")[0];
        Assert.Equal("COMMISSIE-NIET-VOORZITTER", rule.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("source").GetString()));
        var members = await _host.DbAsync(db => db.Set<Casework.Web.Features.Applications.CommitteeScoring.CommitteeMemberScore>().AsNoTracking()
            .Where(s => s.ApplicationId == id).Select(s => s.MemberUserId).ToListAsync());
        Assert.Equal(["commissie-wbi-2"], members);
    }

    [Fact]
    public async Task Ranking_FollowsTheChairsAdvice_NotTheMembersRawScores()
    {
        var a = await BeforeCommitteeAsync("GM0599");
        var b = await BeforeCommitteeAsync("GM0363");
        var chair = await _host.AsUserAsync("commissie-wbi");
        await ScoreAsync("commissie-wbi", a, Top);
        await ScoreAsync("commissie-wbi", b, Middle);

        // A's members scored higher, but the committee agrees on a lower score for A after discussion.
        await OkAsync(await SendAsync(chair, HttpMethod.Put, $"/api/v1/applications/{a}/scores", new { advice = "Positief", agreedTotal = 6m, reason = "Na bespreking: de effectiviteit is overschat." }));
        await OkAsync(await SendAsync(chair, HttpMethod.Put, $"/api/v1/applications/{b}/scores", new { advice = "Positief" }));
        await FireAsync(chair, a, "adviseren", new { data = new { advies = "positief" } });
        await FireAsync(chair, b, "adviseren", new { data = new { advies = "positief" } });

        var tranche = await OkAsync(await (await _host.AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/tranches/{_t6}"));
        var ranking = tranche.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal([b, a], ranking.Select(r => r.GetProperty("applicationId").GetGuid()).ToArray());
    }

    [Fact]
    public async Task PendingList_ShowsOnlyWhatTheMemberHasNeitherScoredNorRecusedFrom_AndEveryScoreAndRecusalIsAudited()
    {
        var scored = await BeforeCommitteeAsync("GM0599");
        var recused = await BeforeCommitteeAsync("GM0363");
        var open = await BeforeCommitteeAsync("GM0344");
        var member2 = await _host.AsUserAsync("commissie-wbi-2");
        await ScoreAsync("commissie-wbi-2", scored, Middle);
        await OkAsync(await SendAsync(member2, HttpMethod.Post, $"/api/v1/applications/{recused}/committee-scores/recusal", new { reason = "Oud-collega van de projectleider." }));

        var mine = await OkAsync(await member2.GetAsync("/api/v1/committees/my-pending-scores"));
        var other = await OkAsync(await (await _host.AsUserAsync("commissie-wbi-3")).GetAsync("/api/v1/committees/my-pending-scores"));
        var vhf = await OkAsync(await (await _host.AsUserAsync("commissie-vhf")).GetAsync("/api/v1/committees/my-pending-scores"));

        Assert.Equal([open], mine.EnumerateArray().Select(i => i.GetProperty("applicationId").GetGuid()).ToArray());
        Assert.Equal(new[] { scored, recused, open }.Order().ToArray(), other.EnumerateArray().Select(i => i.GetProperty("applicationId").GetGuid()).Order().ToArray());
        Assert.Empty(vhf.EnumerateArray());
        var audit = await _host.DbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.ActorUserId == "commissie-wbi-2" && (e.Action == "aanvraag.score.lid" || e.Action == "aanvraag.verschoning"))
            .Select(e => new { e.ObjectId, e.Action, e.Reason }).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, e => e.ObjectId == scored.ToString() && e.Action == "aanvraag.score.lid");
        Assert.Contains(audit, e => e.ObjectId == recused.ToString() && e.Action == "aanvraag.verschoning" && e.Reason == "Oud-collega van de projectleider.");
    }

    private async Task ScoreAsync(string member, Guid id, Dictionary<string, decimal> scores) =>
        await OkAsync(await SendAsync(await _host.AsUserAsync(member), HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine", new { scores }));

    private async Task<Guid> BeforeCommitteeAsync(string cbs)
    {
        var created = await _host.CreateAsync(cbs, ApplicationBuilder.Wbi(_t6));
        await OkAsync(await _host.SubmitAsync(cbs, created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        await FireAsync(await _host.AsAsync("VRO", "Beoordelaar"), id, "toelaten", null);
        return id;
    }
}
