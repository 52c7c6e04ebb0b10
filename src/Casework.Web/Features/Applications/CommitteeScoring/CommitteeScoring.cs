using System.Text.Json;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Features.Applications.CommitteeScoring;

/// <summary>
/// One Commissielid's own assessment of one application: the score per criterion of the round's scheme (and its
/// weighted total), or a recusal for a conflict of interest (Awb 2:4). A recused member has no scores and counts in
/// no total. One row per member and application; a member may change the scores until recusing.
/// </summary>
internal sealed class CommitteeMemberScore
{
    private CommitteeMemberScore()
    {
        MemberUserId = string.Empty;
        MemberName = string.Empty;
        Committee = string.Empty;
    }

    public CommitteeMemberScore(Guid applicationId, string committee, string memberUserId, string memberName)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Committee = committee;
        MemberUserId = memberUserId;
        MemberName = memberName;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The Toetsingscommissie (organisation code) the member scored for.</summary>
    public string Committee { get; private set; }

    public string MemberUserId { get; private set; }

    public string MemberName { get; private set; }

    /// <summary>criterion -> score as JSON; null when recused.</summary>
    public string? ScoresJson { get; private set; }

    /// <summary>The member's exact weighted total; null when recused.</summary>
    public decimal? Total { get; private set; }

    /// <summary>Why the member stepped aside (Awb 2:4); null when not recused.</summary>
    public string? RecusalReason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool Recused => RecusalReason is not null;

    public IReadOnlyDictionary<string, decimal> Scores =>
        ScoresJson is null ? new Dictionary<string, decimal>() : JsonSerializer.Deserialize<Dictionary<string, decimal>>(ScoresJson)!;

    public void Score(ScoreSheet sheet, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (Recused)
        {
            throw new BusinessRuleViolationException(CommitteeRules.RecusedMayNotScore());
        }

        ScoresJson = JsonSerializer.Serialize(sheet.Scores);
        Total = sheet.Total;
        RecordedAt = at;
    }

    public void Recuse(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RecusalReason = reason;
        ScoresJson = null;
        Total = null;
        RecordedAt = at;
    }
}

/// <summary>
/// The chair (voorzitter) of a Toetsingscommissie: an attribute of one member's committee membership, not a role
/// (ADR-017). Appointed by the Beheerder; one per committee.
/// </summary>
internal sealed class CommitteeChair
{
    private CommitteeChair()
    {
        Committee = string.Empty;
        UserId = string.Empty;
        Name = string.Empty;
        AppointedBy = string.Empty;
    }

    public CommitteeChair(string committee, string userId, string name, string appointedBy, DateTimeOffset appointedAt)
    {
        Committee = committee;
        UserId = userId;
        Name = name;
        AppointedBy = appointedBy;
        AppointedAt = appointedAt;
    }

    public string Committee { get; private set; }

    public string UserId { get; private set; }

    public string Name { get; private set; }

    public string AppointedBy { get; private set; }

    public DateTimeOffset AppointedAt { get; private set; }

    public void Replace(string userId, string name, string appointedBy, DateTimeOffset appointedAt)
    {
        UserId = userId;
        Name = name;
        AppointedBy = appointedBy;
        AppointedAt = appointedAt;
    }
}

/// <summary>The rules of committee scoring, each with its code and source.</summary>
internal static class CommitteeRules
{
    public const string RecusalSource = "Awb art. 2:4 (het bestuursorgaan voorkomt dat persoonlijke belangen de besluitvorming beïnvloeden: vooringenomenheid)";

    public const string ChairSource = "Toetsingscommissie: de voorzitter stelt het advies van de commissie vast uit de scores van de leden (ontwerpkeuze, ADR-017)";

    /// <summary>Means are kept to the precision the total score is stored in (6 decimals), half away from zero.</summary>
    public const int MeanDecimals = 6;

    public static BrokenRule RecusedMayNotScore() => new(
        "AWB-2:4-VERSCHONING",
        "U heeft zich voor deze aanvraag verschoond wegens (de schijn van) vooringenomenheid en scoort haar daarom niet.",
        RecusalSource);

    public static BrokenRule AlreadyRecused() => new(
        "AWB-2:4-AL-VERSCHOOND",
        "U heeft zich voor deze aanvraag al verschoond.",
        RecusalSource);

    public static BrokenRule NotChair(string committee) => new(
        "COMMISSIE-NIET-VOORZITTER",
        $"Alleen de voorzitter van de {committee} stelt het advies van de commissie vast.",
        ChairSource);

    public static BrokenRule NoMemberScores() => new(
        "COMMISSIE-GEEN-SCORES",
        "Nog geen enkel (niet verschoond) lid heeft deze aanvraag gescoord; het advies volgt uit de scores van de leden.",
        ChairSource);

    public static BrokenRule ReasonRequired(decimal mean) => new(
        "COMMISSIE-AFWIJKING-ZONDER-REDEN",
        $"De overeengekomen score wijkt af van het gemiddelde van de leden ({Casework.Web.Features.Pages.NlFormat.Number(mean)}): geef de reden van de afwijking.",
        ChairSource);

    /// <summary>The mean total of the members who scored and did not recuse; null when none did.</summary>
    public static decimal? MeanTotal(IEnumerable<CommitteeMemberScore> scores)
    {
        var totals = scores.Where(s => !s.Recused && s.Total is not null).Select(s => s.Total!.Value).ToList();
        return totals.Count == 0 ? null : decimal.Round(totals.Sum() / totals.Count, MeanDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>The mean per criterion of the members who scored and did not recuse.</summary>
    public static Dictionary<string, decimal> MeanScores(IEnumerable<CommitteeMemberScore> scores)
    {
        var counted = scores.Where(s => !s.Recused && s.Total is not null).Select(s => s.Scores).ToList();
        return counted.SelectMany(s => s.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            k => k,
            k => decimal.Round(counted.Where(s => s.ContainsKey(k)).Average(s => s[k]), MeanDecimals, MidpointRounding.AwayFromZero),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The Toetsingscommissie of an application's regeling (the committee the definitions route to).</summary>
    public static string CommitteeOf(string caseType) => caseType.StartsWith("vhf", StringComparison.Ordinal) ? "TC-VHF" : "TC-WBI";

    public static Task<CommitteeChair?> ChairOfAsync(CaseworkDbContext db, string committee, CancellationToken ct) =>
        db.Set<CommitteeChair>().AsNoTracking().FirstOrDefaultAsync(c => c.Committee == committee, ct);
}

internal sealed class CommitteeMemberScoreConfiguration : IEntityTypeConfiguration<CommitteeMemberScore>
{
    public void Configure(EntityTypeBuilder<CommitteeMemberScore> builder)
    {
        builder.ToTable("CommitteeMemberScores");
        builder.HasKey(s => s.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicationId, s.MemberUserId }).IsUnique();
        builder.HasIndex(s => new { s.Committee, s.MemberUserId });
        builder.Property(s => s.Committee).HasMaxLength(64).IsRequired();
        builder.Property(s => s.MemberUserId).HasMaxLength(128).IsRequired();
        builder.Property(s => s.MemberName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ScoresJson).HasMaxLength(4000);
        builder.Property(s => s.Total).HasPrecision(18, 6);
        builder.Property(s => s.RecusalReason).HasMaxLength(2000);
        builder.Ignore(s => s.Scores);
        builder.Ignore(s => s.Recused);
    }
}

internal sealed class CommitteeChairConfiguration : IEntityTypeConfiguration<CommitteeChair>
{
    public void Configure(EntityTypeBuilder<CommitteeChair> builder)
    {
        builder.ToTable("CommitteeChairs");
        builder.HasKey(c => c.Committee);
        builder.Property(c => c.Committee).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(128).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.AppointedBy).HasMaxLength(128).IsRequired();
    }
}
