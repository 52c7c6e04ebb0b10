using System.Globalization;
using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding.Builders;

/// <summary>The rounds of tranches.csv (local Amsterdam times) as admission contexts; submitted mid-window by default.</summary>
public sealed class AdmissionContextBuilder
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static readonly Dictionary<(Regeling, string), (string Opens, string? Closes, decimal Ceiling, string? Announced)> Rounds = new()
    {
        [(Regeling.Vhf, "2021")] = ("2021-05-03T09:00", "2021-05-19T17:00", 450_000_000m, null),
        [(Regeling.Vhf, "2023")] = ("2023-07-01T09:00", "2023-10-16T12:00", 280_000_000m, "2023-01-23"),
        [(Regeling.Vhf, "2024-R3")] = ("2024-01-08T09:00", "2024-03-29T12:00", 175_000_000m, null), // window not in tranches.csv
        [(Regeling.Vhf, "2024-R4")] = ("2024-06-03T09:00", "2024-10-01T12:00", 150_000_000m, null),
        [(Regeling.Wbi, "T1")] = ("2020-07-01T09:00", "2020-07-15T23:59", 347_500_000m, null),
        [(Regeling.Wbi, "T2")] = ("2020-10-26T09:00", null, 225_000_000m, null),
        [(Regeling.Wbi, "T3")] = ("2021-09-01T09:00", "2021-09-17T23:59", 250_000_000m, null),
        [(Regeling.Wbi, "T4")] = ("2022-08-19T09:00", "2022-09-25T23:59", 300_000_000m, "2022-07-04"),
        [(Regeling.Wbi, "T5")] = ("2023-02-15T09:00", "2023-03-31T23:59", 250_000_000m, null),
        [(Regeling.Wbi, "T6")] = ("2023-12-18T09:00", "2024-02-12T23:59", 300_000_000m, "2023-11-06"),
    };

    private FundingRuleSet _ruleSet;
    private DateTimeOffset _opensAt;
    private readonly DateTimeOffset? _closesAt;
    private Money _ceiling;
    private DateOnly? _announcedOn;
    private DateTimeOffset _submittedAt;
    private PopulationFact? _population;
    private string? _areaGemeente;
    private bool _stedelijkFocusgebied;
    private bool _designatedRegion;
    private int _alreadySubmitted;
    private bool _alreadyAwarded;
    private HerkansingFacts? _previous;

    private AdmissionContextBuilder(Regeling regeling, string round)
    {
        _ruleSet = HistoricRuleSets.For(regeling, round);
        var (opens, closes, ceiling, announced) = Rounds[(regeling, round)];
        _opensAt = Local(opens);
        _closesAt = closes is null ? null : Local(closes);
        _ceiling = Money.Euro(ceiling);
        _announcedOn = announced is null ? null : DateOnly.Parse(announced, CultureInfo.InvariantCulture);
        _submittedAt = _opensAt.AddDays(1);
    }

    public static AdmissionContextBuilder For(Regeling regeling, string round) => new(regeling, round);

    public static AdmissionContextBuilder WbiT6() => For(Regeling.Wbi, "T6");

    public static AdmissionContextBuilder WbiT4() => For(Regeling.Wbi, "T4");

    public static AdmissionContextBuilder Vhf2023() => For(Regeling.Vhf, "2023");

    /// <summary>A local Europe/Amsterdam time as a UTC instant.</summary>
    public static DateTimeOffset Local(string localDateTime)
    {
        var local = DateTime.Parse(localDateTime, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Amsterdam), TimeSpan.Zero);
    }

    public DateTimeOffset OpensAt => _opensAt;

    public DateTimeOffset? ClosesAt => _closesAt;

    public AdmissionContextBuilder WithRuleSet(FundingRuleSet ruleSet)
    {
        _ruleSet = ruleSet;
        return this;
    }

    public AdmissionContextBuilder SubmittedAt(DateTimeOffset instant)
    {
        _submittedAt = instant;
        return this;
    }

    public AdmissionContextBuilder OpeningAt(DateTimeOffset instant)
    {
        _opensAt = instant;
        _submittedAt = instant.AddHours(1);
        return this;
    }

    public AdmissionContextBuilder WithCeiling(decimal euros)
    {
        _ceiling = Money.Euro(euros);
        return this;
    }

    public AdmissionContextBuilder AnnouncedOn(DateOnly date)
    {
        _announcedOn = date;
        return this;
    }

    /// <summary>
    /// The figure as the seed would pick it: a figure newer than the round's announcement is marked as the
    /// stand-in (data/README.md: 2023-01-01 stands in for rounds announced before 2023).
    /// </summary>
    public AdmissionContextBuilder WithPopulation(int inhabitants, DateOnly referenceDate)
    {
        var fact = new PopulationFact(inhabitants, referenceDate);
        _population = _announcedOn is { } announced ? PopulationFact.InForceOn([fact], announced) : fact;
        return this;
    }

    public AdmissionContextBuilder WithPopulation(PopulationFact fact)
    {
        _population = fact;
        return this;
    }

    public AdmissionContextBuilder InStedelijkFocusgebied()
    {
        _stedelijkFocusgebied = true;
        return this;
    }

    /// <summary>The project's area (a focusgebied) lies in this gemeente.</summary>
    public AdmissionContextBuilder WithAreaIn(string cbsCode)
    {
        _areaGemeente = cbsCode;
        return this;
    }

    public AdmissionContextBuilder InDesignatedHousingMarketRegion()
    {
        _designatedRegion = true;
        return this;
    }

    public AdmissionContextBuilder WithApplicationsAlreadySubmitted(int count)
    {
        _alreadySubmitted = count;
        return this;
    }

    public AdmissionContextBuilder WithGemeenteAlreadyAwarded()
    {
        _alreadyAwarded = true;
        return this;
    }

    public AdmissionContextBuilder WithPreviousApplication(HerkansingFacts facts)
    {
        _previous = facts;
        return this;
    }

    public AdmissionContext Build() => new()
    {
        Round = new RoundFacts(_ruleSet, _opensAt, _closesAt, _ceiling, _announcedOn),
        SubmittedAt = _submittedAt,
        ApplicantPopulation = _population,
        AreaIsStedelijkFocusgebied = _stedelijkFocusgebied,
        AreaGemeenteCbsCode = _areaGemeente,
        AreaIsInDesignatedHousingMarketRegion = _designatedRegion,
        ApplicationsAlreadySubmittedByGemeente = _alreadySubmitted,
        GemeenteAlreadyAwardedInRound = _alreadyAwarded,
        PreviousApplication = _previous,
    };
}
