using Casework.Domain.Common;

namespace Casework.Domain.Documents;

/// <summary>
/// ZGW's vertrouwelijkheidaanduiding (Documenten API, from least to most confidential). Stored by name; on the wire
/// as ZGW's value (<see cref="Vertrouwelijkheid.ToZgw"/>).
/// </summary>
public enum Vertrouwelijkheidaanduiding
{
    Openbaar,
    BeperktOpenbaar,
    Intern,
    Zaakvertrouwelijk,
    Vertrouwelijk,
    Confidentieel,
    Geheim,
    ZeerGeheim,
}

public static class Vertrouwelijkheid
{
    private static readonly Dictionary<Vertrouwelijkheidaanduiding, (string Zgw, string Label)> Names = new()
    {
        [Vertrouwelijkheidaanduiding.Openbaar] = ("openbaar", "Openbaar"),
        [Vertrouwelijkheidaanduiding.BeperktOpenbaar] = ("beperkt_openbaar", "Beperkt openbaar"),
        [Vertrouwelijkheidaanduiding.Intern] = ("intern", "Intern"),
        [Vertrouwelijkheidaanduiding.Zaakvertrouwelijk] = ("zaakvertrouwelijk", "Zaakvertrouwelijk"),
        [Vertrouwelijkheidaanduiding.Vertrouwelijk] = ("vertrouwelijk", "Vertrouwelijk"),
        [Vertrouwelijkheidaanduiding.Confidentieel] = ("confidentieel", "Confidentieel"),
        [Vertrouwelijkheidaanduiding.Geheim] = ("geheim", "Geheim"),
        [Vertrouwelijkheidaanduiding.ZeerGeheim] = ("zeer_geheim", "Zeer geheim"),
    };

    public static IReadOnlyList<Vertrouwelijkheidaanduiding> All { get; } = Enum.GetValues<Vertrouwelijkheidaanduiding>();

    public static string ToZgw(this Vertrouwelijkheidaanduiding value) => Names[value].Zgw;

    public static string Label(this Vertrouwelijkheidaanduiding value) => Names[value].Label;

    public static Vertrouwelijkheidaanduiding? FromZgw(string? value) =>
        Names.Where(n => string.Equals(n.Value.Zgw, value, StringComparison.Ordinal)).Select(n => (Vertrouwelijkheidaanduiding?)n.Key).FirstOrDefault();

    /// <summary>From here up a document is narrower than the object that holds it (see docs/design.md, "Documents").</summary>
    public static bool IsRestricted(this Vertrouwelijkheidaanduiding value) => value >= Vertrouwelijkheidaanduiding.Vertrouwelijk;
}

/// <summary>One entry of the informatieobjecttype catalogue: a stable code, a Dutch label and the default confidentiality.</summary>
public sealed record Informatieobjecttype(string Code, string Label, Vertrouwelijkheidaanduiding DefaultVertrouwelijkheid);

/// <summary>
/// The catalogue of document types Casework knows (after the ZGW Catalogi API's informatieobjecttypen). The codes are
/// part of the API and of the rounds' rule sets; never rename one.
/// </summary>
public static class InformatieobjecttypeCatalogus
{
    public const string Projectplan = "projectplan";
    public const string Begroting = "begroting";
    public const string OnderbouwingTekort = "onderbouwing-financieel-tekort";
    public const string Raadsbesluit = "raadsbesluit";
    public const string Collegebesluit = "collegebesluit";
    public const string GemeentelijkeBijdrage = "gemeentelijke-bijdrage";
    public const string KaartProjectgebied = "kaart-projectgebied";
    public const string Herstelstuk = "herstelstuk";
    public const string Vergaderstuk = "vergaderstuk";
    public const string Besluit = "besluit";
    public const string Brief = "brief";

    public static IReadOnlyList<Informatieobjecttype> All { get; } =
    [
        new(Projectplan, "Projectplan", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
        new(Begroting, "Begroting", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
        new(OnderbouwingTekort, "Onderbouwing financieel tekort", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
        new(Raadsbesluit, "Raadsbesluit", Vertrouwelijkheidaanduiding.Openbaar),
        new(Collegebesluit, "Collegebesluit", Vertrouwelijkheidaanduiding.Openbaar),
        new(GemeentelijkeBijdrage, "Onderbouwing gemeentelijke bijdrage", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
        new(KaartProjectgebied, "Kaart van het projectgebied", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
        new(Herstelstuk, "Herstelstuk", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
        new(Vergaderstuk, "Vergaderstuk", Vertrouwelijkheidaanduiding.Vertrouwelijk),
        new(Besluit, "Besluit", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
        new(Brief, "Brief", Vertrouwelijkheidaanduiding.Zaakvertrouwelijk),
    ];

    public static Informatieobjecttype? Find(string? code) => All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));

    public static string Label(string code) => Find(code)?.Label ?? code;
}

/// <summary>What holds a document.</summary>
public enum DocumentOwnerKind
{
    Zaak,
    Vergadering,
    Agendapunt,
}

/// <summary>
/// A document (ZGW enkelvoudig informatieobject) on a case, a meeting or an agenda item: its description and its
/// versions. A new version supersedes the last one and keeps every older one readable; the content of a version is
/// immutable and addressed by its SHA-256.
/// </summary>
public sealed class Document
{
    private readonly List<DocumentVersion> _versions = [];

    private Document()
    {
        Title = string.Empty;
        Informatieobjecttype = string.Empty;
        AuthorOrganisation = string.Empty;
        AuthorUser = string.Empty;
    }

    public Guid Id { get; private set; }

    public DocumentOwnerKind OwnerKind { get; private set; }

    /// <summary>The case it belongs to: a case's own document, or the case of the agenda item it belongs to.</summary>
    public Guid? CaseId { get; private set; }

    public Guid? MeetingId { get; private set; }

    public Guid? AgendaItemId { get; private set; }

    public string Title { get; private set; }

    public string Informatieobjecttype { get; private set; }

    public Vertrouwelijkheidaanduiding Vertrouwelijkheidaanduiding { get; private set; }

    /// <summary>The organisation that made the document (ZGW bronorganisatie, as an organisation code).</summary>
    public string AuthorOrganisation { get; private set; }

    public string AuthorUser { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int LatestVersion { get; private set; }

    /// <summary>
    /// ZGW status: a letter Casework sent is <c>definitief</c> from the start and never changes (it was made known,
    /// Awb 3:41; a different letter is a new besluit); what people upload stays <c>in_bewerking</c>.
    /// </summary>
    public DocumentStatus Status { get; private set; }

    /// <summary>ZGW verzenddatum: the day a letter was sent; null for documents that were not sent.</summary>
    public DateOnly? Verzenddatum { get; private set; }

    public bool IsDefinitief => Status == DocumentStatus.Definitief;

    public IReadOnlyList<DocumentVersion> Versions => _versions;

    public DocumentVersion Latest => _versions.Single(v => v.Version == LatestVersion);

    public static Document Create(Guid id, DocumentOwnerKind kind, Guid? caseId, Guid? meetingId, Guid? agendaItemId, string title, string type, Vertrouwelijkheidaanduiding vertrouwelijkheid, string authorOrganisation, string authorUser, DateTimeOffset now, DocumentContentFacts content)
    {
        var broken = new List<BrokenRule>();
        if (InformatieobjecttypeCatalogus.Find(type) is null)
        {
            broken.Add(new BrokenRule("DOCUMENT-ONBEKEND-TYPE", $"'{type}' staat niet in de catalogus van documenttypen.", "(ontwerpkeuze)"));
        }

        var owners = (caseId is null ? 0 : 1) + (meetingId is null ? 0 : 1);
        var shapeOk = kind switch
        {
            DocumentOwnerKind.Zaak => caseId is not null && meetingId is null && agendaItemId is null,
            DocumentOwnerKind.Vergadering => caseId is null && meetingId is not null && agendaItemId is null,
            DocumentOwnerKind.Agendapunt => owners == 2 && agendaItemId is not null,
            _ => false,
        };
        if (!shapeOk)
        {
            throw new ArgumentException($"A document of kind {kind} needs exactly its owner's ids.", nameof(kind));
        }

        if (broken.Count > 0)
        {
            throw new BusinessRuleViolationException(broken);
        }

        var document = new Document
        {
            Id = id,
            OwnerKind = kind,
            CaseId = caseId,
            MeetingId = meetingId,
            AgendaItemId = agendaItemId,
            Title = title.Trim(),
            Informatieobjecttype = type,
            Vertrouwelijkheidaanduiding = vertrouwelijkheid,
            AuthorOrganisation = authorOrganisation,
            AuthorUser = authorUser,
            CreatedAt = now,
        };
        document.AddVersion(content, authorOrganisation, authorUser, now);
        return document;
    }

    /// <summary>A letter Casework sent: <c>definitief</c>, with its verzenddatum; no later version and no removal.</summary>
    public static Document CreateSent(Guid id, DocumentOwnerKind kind, Guid? caseId, Guid? meetingId, string title, string type, Vertrouwelijkheidaanduiding vertrouwelijkheid, string authorOrganisation, string authorUser, DateTimeOffset now, DocumentContentFacts content, DateOnly verzenddatum)
    {
        var document = Create(id, kind, caseId, meetingId, null, title, type, vertrouwelijkheid, authorOrganisation, authorUser, now, content);
        document.Status = DocumentStatus.Definitief;
        document.Verzenddatum = verzenddatum;
        return document;
    }

    /// <summary>Supersedes the latest version; the older ones stay. A definitive document has no later version.</summary>
    public DocumentVersion AddVersion(DocumentContentFacts content, string authorOrganisation, string authorUser, DateTimeOffset now)
    {
        if (IsDefinitief)
        {
            throw new BusinessRuleViolationException([DefinitiefRule(Title)]);
        }

        var version = new DocumentVersion(Id, LatestVersion + 1, content.FileName, content.Format, content.Size, content.Sha256, authorOrganisation, authorUser, now);
        _versions.Add(version);
        LatestVersion = version.Version;
        return version;
    }

    /// <summary>The rule that keeps a sent letter as it was sent.</summary>
    public static BrokenRule DefinitiefRule(string title) => new(
        "DOSSIER-DEFINITIEF",
        $"'{title}' is een verzonden brief of besluit en blijft zoals het is verzonden; een ander besluit wordt een nieuw document.",
        "Awb 3:41 (bekendmaking door toezending); Archiefwet 1995 art. 3");

    public DocumentVersion? VersionOf(int? number) => _versions.FirstOrDefault(v => v.Version == (number ?? LatestVersion));
}

/// <summary>ZGW informatieobject status, as far as Casework uses it.</summary>
public enum DocumentStatus
{
    /// <summary>in_bewerking: may get new versions (and, while the case is a concept, be removed).</summary>
    InBewerking = 0,

    /// <summary>definitief: as sent; never changes.</summary>
    Definitief = 2,
}

/// <summary>What the server established about an uploaded file: its name as given, its media type by content, its size and checksum.</summary>
public sealed record DocumentContentFacts(string FileName, string Format, long Size, string Sha256);

/// <summary>One version of a document (ZGW: an informatieobject's versie), with the checksum of its content (integriteit, sha_256).</summary>
public sealed record DocumentVersion(Guid DocumentId, int Version, string FileName, string Format, long Size, string Sha256, string AuthorOrganisation, string AuthorUser, DateTimeOffset CreatedAt);
