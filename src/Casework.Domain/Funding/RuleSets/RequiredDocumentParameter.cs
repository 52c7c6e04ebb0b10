using Casework.Domain.Documents;

namespace Casework.Domain.Funding;

/// <summary>A document type a round requires at submission (an informatieobjecttype code), with its source.</summary>
public sealed record RequiredDocumentParameter(string Informatieobjecttype, string Source)
{
    /// <summary>Why this entry cannot be part of a rule set (an unknown type, no source), or null.</summary>
    public string? WhyInvalid() =>
        InformatieobjecttypeCatalogus.Find(Informatieobjecttype) is null
            ? $"'{Informatieobjecttype}' staat niet in de catalogus van documenttypen."
            : string.IsNullOrWhiteSpace(Source) ? "Geef bij elke verplichte bijlage de bron, of 'ontwerpkeuze'." : null;
}

/// <summary>
/// The bijlagen a round announced in Casework requires unless its Beheerder says otherwise (docs/domain.md,
/// "Required documents"). No regeling text found lists required bijlagen, so each is an ontwerpkeuze; the note
/// says which rule of the round the document substantiates.
/// </summary>
public static class StandardRequiredDocuments
{
    private const string Vhf = "Meerjarige regeling specifieke uitkering herstructurering volkshuisvesting (Stcrt. 2023-17370)";
    private const string Wbi = "Regeling Woningbouwimpuls 2020 (Stcrt. 2020, 28062) art. 2";

    public static IReadOnlyList<RequiredDocumentParameter> For(Regeling regeling) => regeling switch
    {
        Regeling.Vhf =>
        [
            new(InformatieobjecttypeCatalogus.Projectplan, "ontwerpkeuze (het plan dat de Toetsingscommissie beoordeelt)"),
            new(InformatieobjecttypeCatalogus.Begroting, "ontwerpkeuze (de kosten achter het gevraagde bedrag)"),
            new(InformatieobjecttypeCatalogus.OnderbouwingTekort, $"ontwerpkeuze (onderbouwt het financiële tekort waarop de cofinanciering van ten minste 30% rust, {Vhf})"),
            new(InformatieobjecttypeCatalogus.Collegebesluit, "ontwerpkeuze (het besluit van het college om aan te vragen)"),
        ],
        Regeling.Wbi =>
        [
            new(InformatieobjecttypeCatalogus.Projectplan, "ontwerpkeuze (het plan dat de Toetsingscommissie beoordeelt)"),
            new(InformatieobjecttypeCatalogus.Begroting, "ontwerpkeuze (de kosten achter het gevraagde bedrag)"),
            new(InformatieobjecttypeCatalogus.OnderbouwingTekort, $"ontwerpkeuze (onderbouwt het aantoonbare financiële tekort, {Wbi})"),
            new(InformatieobjecttypeCatalogus.Collegebesluit, "ontwerpkeuze (het besluit van het college om aan te vragen)"),
            new(InformatieobjecttypeCatalogus.GemeentelijkeBijdrage, $"ontwerpkeuze (onderbouwt de eigen bijdrage van ten minste 50% van het tekort, {Wbi})"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(regeling), regeling, null),
    };
}
