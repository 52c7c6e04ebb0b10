using Casework.Domain.Common;

namespace Casework.Domain.Funding;

public enum TrancheStatus
{
    /// <summary>Announced; the window has not opened (or has no opening instant yet).</summary>
    Announced,
    Open,
    Closed,

    /// <summary>Awards have been made up to the ceiling.</summary>
    Allocated,
}

/// <summary>
/// A round (tranche, tijdvak) of a regeling: window, ceiling and its versioned rule set, all data.
/// A new round is new data, not new code. The money ledger is the <see cref="RoundBudget"/> with the same id.
/// </summary>
public sealed class Tranche
{
    private Tranche()
    {
        Name = string.Empty;
        RuleSetJson = string.Empty;
    }

    public Guid Id { get; private set; }

    public Regeling Regeling { get; private set; }

    /// <summary>The round's name, e.g. <c>T4</c>, <c>2024-R4</c>.</summary>
    public string Name { get; private set; }

    /// <summary>The announcement date; the population figure in force then counts for WBI T4-T5.</summary>
    public DateOnly? AnnouncedOn { get; private set; }

    /// <summary>Window opening instant (UTC); null where the source gives none.</summary>
    public DateTimeOffset? OpensAt { get; private set; }

    /// <summary>Window closing instant (UTC); null where the source gives none.</summary>
    public DateTimeOffset? ClosesAt { get; private set; }

    public bool Allocated { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>The <see cref="FundingRuleSet"/> of this round as JSON (camelCase), with its version inside.</summary>
    public string RuleSetJson { get; private set; }

    public int RuleSetVersion { get; private set; }

    public FundingRuleSet RuleSet => FundingRuleSetJson.Deserialize(RuleSetJson);

    public static Tranche Announce(Guid id, Regeling regeling, string name, DateOnly? announcedOn, DateTimeOffset? opensAt, DateTimeOffset? closesAt, FundingRuleSet ruleSet, string? notes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (opensAt is { } open && closesAt is { } close && close <= open)
        {
            throw new BusinessRuleViolationException(new BrokenRule("TIJDVAK-ONGELDIG", $"Het tijdvak sluit ({close:O}) niet na de opening ({open:O}).", "(ontwerpkeuze)"));
        }

        if (ruleSet.Regeling != regeling)
        {
            throw new ArgumentException($"Rule set of {ruleSet.Regeling} cannot govern a {regeling} round.", nameof(ruleSet));
        }

        EnsureAnnouncedInTime(regeling, announcedOn, opensAt);
        return new Tranche
        {
            Id = id,
            Regeling = regeling,
            Name = name,
            AnnouncedOn = announcedOn,
            OpensAt = opensAt?.ToUniversalTime(),
            ClosesAt = closesAt?.ToUniversalTime(),
            RuleSetJson = FundingRuleSetJson.Serialize(ruleSet),
            RuleSetVersion = ruleSet.RuleSetVersion,
            Notes = notes,
        };
    }

    /// <summary>Open from the opening instant up to and including the closing instant (see SubmittedWithinWindowRule).</summary>
    public TrancheStatus StatusAt(DateTimeOffset now)
    {
        if (Allocated)
        {
            return TrancheStatus.Allocated;
        }

        if (OpensAt is null || now < OpensAt)
        {
            return TrancheStatus.Announced;
        }

        return ClosesAt is { } close && now > close ? TrancheStatus.Closed : TrancheStatus.Open;
    }

    public void MarkAllocated() => Allocated = true;

    /// <summary>
    /// Moves the window of a round that has not opened yet. Its announcement date stays: a WBI round cannot be
    /// brought nearer than six weeks after it was announced (Besluit Woningbouwimpuls 2020 art. 3 lid 2, 4 lid 1).
    /// </summary>
    public void Reschedule(DateTimeOffset opensAt, DateTimeOffset? closesAt, DateTimeOffset now)
    {
        if (StatusAt(now) != TrancheStatus.Announced)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "TIJDVAK-AL-GEOPEND", $"Ronde {Name} is al geopend; het tijdvak kan niet meer worden verschoven.", "(ontwerpkeuze)"));
        }

        if (closesAt is { } close && close <= opensAt)
        {
            throw new BusinessRuleViolationException(new BrokenRule("TIJDVAK-ONGELDIG", $"Het tijdvak sluit ({close:O}) niet na de opening ({opensAt:O}).", "(ontwerpkeuze)"));
        }

        EnsureAnnouncedInTime(Regeling, AnnouncedOn, opensAt);
        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt?.ToUniversalTime();
    }

    // Historic rounds without a known announcement date cannot be checked; they were announced under the Besluit.
    private static void EnsureAnnouncedInTime(Regeling regeling, DateOnly? announcedOn, DateTimeOffset? opensAt)
    {
        if (regeling == Regeling.Wbi && announcedOn is { } announced && opensAt is { } open)
        {
            BusinessRuleViolationException.ThrowIfBroken(new WbiRoundAnnouncedSixWeeksBeforeOpeningRule(announced, open));
        }
    }
}
