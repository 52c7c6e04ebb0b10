using Casework.Domain.Common;
using Casework.Domain.Documents;

namespace Casework.Domain.Funding;

/// <summary>
/// The application's dossier holds at least one document of a type its round requires at submission; one rule per
/// required type, so a refusal names every missing type (its code ends in the type, e.g. <c>WBI-BIJLAGE-ONTBREEKT-BEGROTING</c>).
/// </summary>
public sealed class RequiredDocumentPresentRule(Regeling regeling, RequiredDocumentParameter required, IReadOnlySet<string> present) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-BIJLAGE-ONTBREEKT-{required.Informatieobjecttype.ToUpperInvariant()}";

    public string Source => required.Source;

    public bool IsBroken() => !present.Contains(required.Informatieobjecttype);

    public string Message => $"De verplichte bijlage ‘{InformatieobjecttypeCatalogus.Label(required.Informatieobjecttype)}’ ontbreekt in het dossier van de aanvraag. Voeg een document van dit type toe aan het dossier.";
}
