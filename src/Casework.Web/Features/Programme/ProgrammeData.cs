namespace Casework.Web.Features.Programme;

/// <summary>Which way an indicator should move for the area to be doing better.</summary>
public enum BetterDirection
{
    /// <summary>A higher value is better (e.g. a Leefbaarometer score).</summary>
    Hoger,

    /// <summary>A lower value is better (e.g. a share of early school leavers).</summary>
    Lager,
}

/// <summary>
/// An indicator of the programme monitor: one of the kernindicatoren of NPLV 6.1 (a number 1-15, national) or a local
/// indicator an alliance follows for its own focusgebied (no number, <see cref="FocusgebiedCode"/> set).
/// </summary>
internal sealed class Indicator
{
    private Indicator()
    {
        Code = Name = Actielijn = Unit = UsualSource = CreatedBy = string.Empty;
    }

    public Indicator(string code, int? number, string name, string actielijn, string unit, BetterDirection betterDirection, string usualSource, string? focusgebiedCode, string createdBy, DateTimeOffset createdAt)
    {
        Code = code;
        Number = number;
        Name = name;
        Actielijn = actielijn;
        Unit = unit;
        BetterDirection = betterDirection;
        UsualSource = usualSource;
        FocusgebiedCode = focusgebiedCode;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    /// <summary>Stable code: <c>K01</c>..<c>K15</c> for the kernindicatoren, <c>L-...</c> for a local one.</summary>
    public string Code { get; private set; }

    /// <summary>The number in NPLV 6.1 (1-15); null for a local indicator.</summary>
    public int? Number { get; private set; }

    public string Name { get; private set; }

    /// <summary>The actielijn (programme domain) the indicator belongs to.</summary>
    public string Actielijn { get; private set; }

    /// <summary>Unit as people read it: "%", "score 1-9", "per 1.000 inwoners".</summary>
    public string Unit { get; private set; }

    public BetterDirection BetterDirection { get; private set; }

    /// <summary>The usual source: Leefbaarometer, CBS, Veiligheidsmonitor, Zicht op Ondermijning, DUO, ...</summary>
    public string UsualSource { get; private set; }

    /// <summary>Set for a local indicator: the focusgebied that follows it.</summary>
    public string? FocusgebiedCode { get; private set; }

    public bool IsLocal => FocusgebiedCode is not null;

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// One value of an indicator for a focusgebied and a period, with its source and the date of that source. A replaced
/// value stays (with who replaced it, when and why); the current one has no <see cref="ReplacedAt"/>.
/// </summary>
internal sealed class Measurement
{
    private Measurement()
    {
        IndicatorCode = FocusgebiedCode = Period = Source = RecordedBy = RecordedByName = string.Empty;
    }

    public Measurement(Guid id, string indicatorCode, string focusgebiedCode, string period, decimal value, string source, DateOnly sourceDate, bool isDemo, string recordedBy, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = id;
        IndicatorCode = indicatorCode;
        FocusgebiedCode = focusgebiedCode;
        Period = period;
        Value = value;
        Source = source;
        SourceDate = sourceDate;
        IsDemo = isDemo;
        RecordedBy = recordedBy;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public string IndicatorCode { get; private set; }

    public string FocusgebiedCode { get; private set; }

    /// <summary>The period the value is about: a year (<c>2024</c>) or a half year (<c>2024-H1</c>).</summary>
    public string Period { get; private set; }

    public decimal Value { get; private set; }

    public string Source { get; private set; }

    public DateOnly SourceDate { get; private set; }

    /// <summary>Demo data only (never on a real install): shown as "demowaarde" everywhere.</summary>
    public bool IsDemo { get; private set; }

    public string RecordedBy { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? ReplacedAt { get; private set; }

    public string? ReplacedBy { get; private set; }

    public string? ReplaceReason { get; private set; }

    public void Replace(string by, string reason, DateTimeOffset at)
    {
        ReplacedAt = at;
        ReplacedBy = by;
        ReplaceReason = reason;
    }
}

/// <summary>Whether a doel is part of the alliance's uitvoeringsprogramma or a prestatieafspraak (NPLV ch. 5).</summary>
public enum DoelSoort
{
    Uitvoeringsprogramma,
    Prestatieafspraak,
}

/// <summary>
/// A doel of a focusgebied's uitvoeringsprogramma or a prestatieafspraak: per actielijn, followed with an indicator,
/// from a baseline (value, date, source). Its streefwaarden are versioned rows (<see cref="Streefwaarde"/>).
/// </summary>
internal sealed class Doel
{
    private Doel()
    {
        FocusgebiedCode = Actielijn = Omschrijving = IndicatorCode = BaselineSource = CreatedBy = string.Empty;
    }

    public Doel(Guid id, string focusgebiedCode, DoelSoort soort, string actielijn, string omschrijving, string indicatorCode, decimal baselineValue, DateOnly baselineDate, string baselineSource, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        FocusgebiedCode = focusgebiedCode;
        Soort = soort;
        Actielijn = actielijn;
        Omschrijving = omschrijving;
        IndicatorCode = indicatorCode;
        BaselineValue = baselineValue;
        BaselineDate = baselineDate;
        BaselineSource = baselineSource;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string FocusgebiedCode { get; private set; }

    public DoelSoort Soort { get; private set; }

    public string Actielijn { get; private set; }

    public string Omschrijving { get; private set; }

    public string IndicatorCode { get; private set; }

    public decimal BaselineValue { get; private set; }

    public DateOnly BaselineDate { get; private set; }

    public string BaselineSource { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>One version of a doel's streefwaarde: a changed streefwaarde is a new row, the old one stays visible.</summary>
internal sealed class Streefwaarde
{
    private Streefwaarde()
    {
        RecordedBy = RecordedByName = string.Empty;
    }

    public Streefwaarde(Guid id, Guid doelId, int version, decimal value, DateOnly targetDate, string? reason, string recordedBy, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = id;
        DoelId = doelId;
        Version = version;
        Value = value;
        TargetDate = targetDate;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid DoelId { get; private set; }

    /// <summary>1 for the first streefwaarde of a doel, +1 for every change.</summary>
    public int Version { get; private set; }

    public decimal Value { get; private set; }

    public DateOnly TargetDate { get; private set; }

    public string? Reason { get; private set; }

    public string RecordedBy { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
