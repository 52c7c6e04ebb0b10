using Casework.Domain.Documents;
using Casework.Domain.Time;

namespace Casework.Web.Features.Documents;

/// <summary>
/// A document, shaped after the ZGW Documenten API's enkelvoudig informatieobject so that a zaaksysteem can map it:
/// <c>titel</c>, <c>bestandsnaam</c>, <c>formaat</c> (media type, by content), <c>bestandsomvang</c> (bytes),
/// <c>informatieobjecttype</c> (a code of the catalogue), <c>vertrouwelijkheidaanduiding</c> (ZGW's values),
/// <c>bronorganisatie</c> (organisation code), <c>auteur</c>, <c>creatiedatum</c>, <c>integriteit</c>, the versions, <c>status</c>
/// (<c>definitief</c> for a letter Casework sent, which never changes; else <c>in_bewerking</c>) and <c>verzenddatum</c>.
/// </summary>
public sealed record DocumentDto(
    Guid Id,
    string Url,
    string Titel,
    string Informatieobjecttype,
    string InformatieobjecttypeLabel,
    string Vertrouwelijkheidaanduiding,
    string Bronorganisatie,
    string Auteur,
    DateOnly Creatiedatum,
    DateTimeOffset BeginRegistratie,
    string Houder,
    Guid? Zaak,
    Guid? Vergadering,
    Guid? Agendapunt,
    int Versie,
    string Bestandsnaam,
    string Formaat,
    long Bestandsomvang,
    IntegriteitDto Integriteit,
    string Inhoud,
    IReadOnlyList<DocumentVersionDto> Versies,
    string Status,
    DateOnly? Verzenddatum);

/// <summary>ZGW integriteit: the algorithm (<c>sha_256</c>), the hex value computed by the server and the date it was computed.</summary>
public sealed record IntegriteitDto(string Algoritme, string Waarde, DateOnly Datum);

/// <summary>One version, oldest first; <c>inhoud</c> downloads it.</summary>
public sealed record DocumentVersionDto(int Versie, string Bestandsnaam, string Formaat, long Bestandsomvang, IntegriteitDto Integriteit, string Bronorganisatie, string Auteur, DateTimeOffset BeginRegistratie, string Inhoud);

/// <summary>A type of the catalogue with its Dutch label and default vertrouwelijkheidaanduiding.</summary>
public sealed record InformatieobjecttypeDto(string Code, string Label, string Vertrouwelijkheidaanduiding);

/// <summary>What may be uploaded: the catalogue, the confidentiality values, the media types and the limits.</summary>
public sealed record DossierRulesDto(IReadOnlyList<InformatieobjecttypeDto> Informatieobjecttypen, IReadOnlyList<string> Vertrouwelijkheidaanduidingen, IReadOnlyList<string> Formaten, long MaxBestandsomvang, int MaxDocumentenPerZaak);

internal static class DocumentMapping
{
    public const string Algorithm = "sha_256";

    public static string Url(Guid id) => $"/api/v1/documents/{id}";

    public static string ContentUrl(Guid id, int version) => $"/api/v1/documents/{id}/content?versie={version}";

    public static DocumentDto ToDto(Document d)
    {
        var latest = d.Latest;
        return new DocumentDto(
            d.Id,
            Url(d.Id),
            d.Title,
            d.Informatieobjecttype,
            InformatieobjecttypeCatalogus.Label(d.Informatieobjecttype),
            d.Vertrouwelijkheidaanduiding.ToZgw(),
            d.AuthorOrganisation,
            d.AuthorUser,
            AmsterdamClock.ToLocalDate(d.CreatedAt),
            d.CreatedAt,
            d.OwnerKind switch { DocumentOwnerKind.Zaak => "zaak", DocumentOwnerKind.Vergadering => "vergadering", _ => "agendapunt" },
            d.CaseId,
            d.MeetingId,
            d.AgendaItemId,
            latest.Version,
            latest.FileName,
            latest.Format,
            latest.Size,
            Integrity(latest),
            ContentUrl(d.Id, latest.Version),
            d.Versions.OrderBy(v => v.Version).Select(v => new DocumentVersionDto(v.Version, v.FileName, v.Format, v.Size, Integrity(v), v.AuthorOrganisation, v.AuthorUser, v.CreatedAt, ContentUrl(d.Id, v.Version))).ToList(),
            d.Status == DocumentStatus.Definitief ? "definitief" : "in_bewerking",
            d.Verzenddatum);
    }

    private static IntegriteitDto Integrity(DocumentVersion v) => new(Algorithm, v.Sha256, AmsterdamClock.ToLocalDate(v.CreatedAt));
}
