namespace Casework.Domain.Escalation;

/// <summary>
/// The policy domain a knelpunt touches, as the programme names its domains: onderwijs, gezondheid, wonen,
/// werk en inkomen, veiligheid (NPLV, cover and hoofdstuk 2), plus schulden en armoede for a knelpunt about money
/// (which the programme places under werk en inkomen, in the SZW envelope).
/// </summary>
public enum KnelpuntDomein
{
    Onderwijs,

    /// <summary>The programme says gezondheid; earlier data said <c>zorg</c>, which means the same domain.</summary>
    Gezondheid,
    Wonen,
    WerkEnInkomen,
    Veiligheid,

    /// <summary>Schulden en armoede.</summary>
    Schulden,
}

/// <summary>Who raised a knelpunt: a gemeente, an alliance on behalf of its focusgebied, or a department.</summary>
public enum IndienerSoort
{
    Gemeente,
    Alliantie,
    Departement,
}

/// <summary>The law a knelpunt is about: its name, its BWB-id in wetten.overheid.nl and the article.</summary>
public sealed record WetReferentie(string Naam, string? BwbId, string? Artikel)
{
    /// <summary>BWB-ids look like <c>BWBR0005537</c> (regulations) or <c>BWBV...</c> (treaties).</summary>
    public static bool IsValidBwbId(string? bwbId) =>
        bwbId is { Length: >= 5 and <= 16 } && bwbId.StartsWith("BWB", StringComparison.Ordinal) && bwbId[3] is 'R' or 'V' or 'W' && bwbId[4..].All(char.IsAsciiDigit);
}

/// <summary>
/// The substance of a knelpunt case. Its id is the id of the workflow case (the case carries state,
/// routing and history; this entity carries what the bottleneck is about).
/// </summary>
public sealed class Knelpunt
{
    private List<string> _focusgebieden = [];

    private Knelpunt()
    {
        Omschrijving = string.Empty;
        Wet = new WetReferentie(string.Empty, null, null);
        IndienerOrganisatie = string.Empty;
    }

    public Guid CaseId { get; private set; }

    public string Omschrijving { get; private set; }

    public WetReferentie Wet { get; private set; }

    /// <summary>Null until the SBSD secretariat classifies it at triage, unless the submitter named one.</summary>
    public KnelpuntDomein? Domein { get; private set; }

    public IndienerSoort IndienerSoort { get; private set; }

    public string IndienerOrganisatie { get; private set; }

    public IReadOnlyList<string> Focusgebieden => _focusgebieden;

    public string? VoorgesteldeOplossing { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Knelpunt Create(Guid caseId, string omschrijving, WetReferentie wet, KnelpuntDomein? domein, IndienerSoort indienerSoort, string indienerOrganisatie, IEnumerable<string> focusgebieden, string? voorgesteldeOplossing, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(omschrijving);
        ArgumentNullException.ThrowIfNull(wet);
        ArgumentException.ThrowIfNullOrWhiteSpace(wet.Naam);
        ArgumentException.ThrowIfNullOrWhiteSpace(indienerOrganisatie);
        var codes = focusgebieden.Distinct(StringComparer.Ordinal).ToList();
        if (indienerSoort == IndienerSoort.Alliantie && codes.Count == 0)
        {
            throw new ArgumentException("An alliance raises a knelpunt on behalf of its focusgebied; name it.", nameof(focusgebieden));
        }

        return new Knelpunt
        {
            CaseId = caseId,
            Omschrijving = omschrijving,
            Wet = wet,
            Domein = domein,
            IndienerSoort = indienerSoort,
            IndienerOrganisatie = indienerOrganisatie,
            _focusgebieden = codes,
            VoorgesteldeOplossing = voorgesteldeOplossing,
            CreatedAt = now,
        };
    }

    /// <summary>Triage classifies the knelpunt; the workflow action carries the same value.</summary>
    public void Classify(KnelpuntDomein domein) => Domein = domein;
}

/// <summary>
/// The substance of a vastloper case: a practical blockage raised in the alliantieoverleg of one
/// focusgebied. Its id is the workflow case id.
/// </summary>
public sealed class Vastloper
{
    private Vastloper()
    {
        Omschrijving = string.Empty;
        FocusgebiedCode = string.Empty;
        Department = string.Empty;
    }

    public Guid CaseId { get; private set; }

    public string Omschrijving { get; private set; }

    public string FocusgebiedCode { get; private set; }

    /// <summary>The department the vastloper goes to: the alliance's rijksvertegenwoordiger's department, or VRO (see <see cref="CoordinatingDepartment"/>).</summary>
    public string Department { get; private set; }

    /// <summary>True when the focusgebied has no rijksvertegenwoordiger named yet and the vastloper went to the coordinating department.</summary>
    public bool ViaCoordinatingDepartment { get; private set; }

    public DateOnly? BesprokenInOverlegDate { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// "De minister voor VRO is coördinerend minister voor dit programma" (NPLV, hoofdstuk 1): a vastloper of a
    /// focusgebied without a named rijksvertegenwoordiger has no other department to go to, so it goes to VRO.
    /// </summary>
    public const string CoordinatingDepartment = "VRO";

    public static Vastloper Raise(Guid caseId, string omschrijving, string focusgebiedCode, string? rijksvertegenwoordigerDepartment, DateOnly? besprokenInOverleg, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(omschrijving);
        ArgumentException.ThrowIfNullOrWhiteSpace(focusgebiedCode);
        var viaCoordinator = string.IsNullOrWhiteSpace(rijksvertegenwoordigerDepartment);
        return new Vastloper
        {
            CaseId = caseId,
            Omschrijving = omschrijving,
            FocusgebiedCode = focusgebiedCode,
            Department = viaCoordinator ? CoordinatingDepartment : rijksvertegenwoordigerDepartment!,
            ViaCoordinatingDepartment = viaCoordinator,
            BesprokenInOverlegDate = besprokenInOverleg,
            CreatedAt = now,
        };
    }
}
