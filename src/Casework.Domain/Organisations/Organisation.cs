namespace Casework.Domain.Organisations;

/// <summary>
/// An organisation a user acts for: a gemeente (by CBS code, e.g. <c>GM0363</c>), a department or
/// executive agency (<c>VRO</c>, <c>RVO</c>), a body (<c>SBSD</c>, <c>BRSD</c>), a Toetsingscommissie
/// or an alliance of a focusgebied.
/// </summary>
public sealed class Organisation
{
    private readonly List<PopulationFigure> _population = [];

    private Organisation()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    private Organisation(string code, string name, OrganisationKind kind, string? parentCode, string? province)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code;
        Name = name;
        Kind = kind;
        ParentCode = parentCode;
        Province = province;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>The organisation this one sits within (VRO within BZK), if any.</summary>
    public string? ParentCode { get; private set; }

    /// <summary>Only for gemeenten.</summary>
    public string? Province { get; private set; }

    /// <summary>
    /// The organisation's functional mailbox (e.g. <c>subsidies@rotterdam.nl</c>): where Casework e-mails what happens
    /// in its cases. Reference data kept by a Beheerder; null: the organisation gets no e-mail.
    /// </summary>
    public string? FunctionalMailbox { get; private set; }

    /// <summary>CBS population figures, each with its reference date (only for gemeenten).</summary>
    public IReadOnlyList<PopulationFigure> Population => _population;

    public static Organisation Gemeente(string cbsCode, string name, string province)
    {
        if (!GemeenteCodes.IsValid(cbsCode))
        {
            throw new ArgumentException($"'{cbsCode}' is not a CBS gemeente code (GM + 4 digits).", nameof(cbsCode));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(province);
        return new Organisation(cbsCode, name, OrganisationKind.Gemeente, null, province);
    }

    public static Organisation Other(string code, string name, OrganisationKind kind, string? parentCode = null)
    {
        if (kind == OrganisationKind.Gemeente)
        {
            throw new ArgumentException("Use Organisation.Gemeente for gemeenten.", nameof(kind));
        }

        return new Organisation(code, name, kind, parentCode, null);
    }

    /// <summary>Sets or clears (null or blank) the functional mailbox; an address that is not one is refused.</summary>
    public void SetFunctionalMailbox(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            FunctionalMailbox = null;
            return;
        }

        if (!Delivery.EmailAddresses.IsValid(address))
        {
            throw new ArgumentException($"'{address}' is not an e-mail address.", nameof(address));
        }

        FunctionalMailbox = address.Trim();
    }

    /// <summary>Records the CBS figure on a reference date; a second figure for the same date is refused.</summary>
    public void RecordPopulation(DateOnly referenceDate, int inhabitants)
    {
        if (Kind != OrganisationKind.Gemeente)
        {
            throw new InvalidOperationException($"{Code} is not a gemeente; only gemeenten have a population figure.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(inhabitants);
        if (_population.Exists(p => p.ReferenceDate == referenceDate))
        {
            throw new InvalidOperationException($"{Code} already has a population figure on {referenceDate:yyyy-MM-dd}.");
        }

        _population.Add(new PopulationFigure(referenceDate, inhabitants));
    }

    /// <summary>
    /// The figure in force on <paramref name="date"/>: the latest one whose reference date is on or
    /// before it, or else the earliest known figure (the nearest available stands in; callers say so).
    /// </summary>
    public PopulationFigure? PopulationOn(DateOnly date)
    {
        var ordered = _population.OrderBy(p => p.ReferenceDate).ToList();
        return ordered.LastOrDefault(p => p.ReferenceDate <= date) ?? ordered.FirstOrDefault();
    }

    public PopulationFigure? LatestPopulation => _population.MaxBy(p => p.ReferenceDate);
}

/// <summary>A CBS population figure with the date it refers to (1 January of a year).</summary>
public sealed record PopulationFigure(DateOnly ReferenceDate, int Inhabitants);

public enum OrganisationKind
{
    Gemeente,
    Departement,
    Uitvoeringsorganisatie,
    Gremium,
    Toetsingscommissie,
    Alliantie,
}

public static class GemeenteCodes
{
    public static bool IsValid(string? code) =>
        code is { Length: 6 } && code.StartsWith("GM", StringComparison.Ordinal) && code[2..].All(char.IsAsciiDigit);
}
