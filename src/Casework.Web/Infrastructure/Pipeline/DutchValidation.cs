using System.Globalization;
using System.Reflection;
using FluentValidation;

namespace Casework.Web.Infrastructure.Pipeline;

/// <summary>
/// Every validation message a user reads is Dutch: FluentValidation's built-in Dutch texts for the rules that carry
/// no message of their own ("De lengte van 'Voorgestelde oplossing' moet 8000 tekens of minder zijn ..."), with
/// the field named by its Dutch label instead of the command's property name (<c>Reason</c>, <c>VoorgesteldeOplossing</c>).
/// The error's key stays the API's field name. A rule with its own <c>WithMessage</c> keeps it.
/// </summary>
internal static class DutchValidation
{
    /// <summary>Dutch labels by the property's member name; a member not listed falls back to its split name.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["ActionId"] = "Actie",
        ["ActionItems"] = "Actiepunten",
        ["Advice"] = "Advies",
        ["Amount"] = "Bedrag",
        ["Artikel"] = "Artikel",
        ["BasedOnTrancheId"] = "Gebaseerd op ronde",
        ["Besluit"] = "Besluit",
        ["BetaalbareKoop"] = "Betaalbare koopwoningen",
        ["Body"] = "Overleg",
        ["BtwCompensatiefondsShare"] = "Aandeel btw-compensatiefonds",
        ["BwbId"] = "BWB-id",
        ["CaseId"] = "Zaak",
        ["Ceiling"] = "Plafond",
        ["ClosesAt"] = "Sluitingsmoment",
        ["CutOffDate"] = "Sluitingsdatum agenda",
        ["Date"] = "Datum",
        ["Days"] = "Aantal dagen",
        ["Description"] = "Omschrijving",
        ["Domein"] = "Domein",
        ["DueDate"] = "Uiterste datum",
        ["ExpectedVersion"] = "Versie (If-Match)",
        ["FinancialDeficit"] = "Financieel tekort",
        ["FirstYear"] = "Eerste jaar",
        ["Focusgebied"] = "Focusgebied",
        ["Focusgebieden"] = "Focusgebieden",
        ["FromDate"] = "Vanaf",
        ["GemeenteProjectCosts"] = "Projectkosten gemeente",
        ["Homes"] = "Woningen",
        ["Informatieobjecttype"] = "Documenttype",
        ["InvestmentVolume"] = "Investeringsvolume",
        ["JointMembers"] = "Deelnemende gemeenten",
        ["LastYear"] = "Laatste jaar",
        ["LateReason"] = "Reden van te late indiening",
        ["MaxKoopPrice"] = "Maximale koopprijs",
        ["Middenhuur"] = "Middenhuurwoningen",
        ["Naam"] = "Naam",
        ["Name"] = "Naam",
        ["Notes"] = "Toelichting",
        ["Omschrijving"] = "Omschrijving",
        ["OpensAt"] = "Openingsmoment",
        ["Order"] = "Volgorde",
        ["Other"] = "Overige woningen",
        ["OtherArea"] = "Ander projectgebied",
        ["OwnContribution"] = "Eigen bijdrage",
        ["Owner"] = "Eigenaar",
        ["PaidOnDate"] = "Betaaldatum",
        ["ParticipationPlan"] = "Participatieplan",
        ["PlannedCompletionDate"] = "Geplande opleverdatum",
        ["PlannedConstructionStartDate"] = "Geplande start bouw",
        ["PreviousApplicationId"] = "Eerdere aanvraag",
        ["PreviousApplicationReference"] = "Kenmerk eerdere aanvraag",
        ["PrimaryActivitiesAmount"] = "Bedrag primaire activiteiten",
        ["ProjectName"] = "Projectnaam",
        ["Reason"] = "Toelichting",
        ["RehousingPlan"] = "Herhuisvestingsplan",
        ["RequestedAmount"] = "Aangevraagd bedrag",
        ["RightOfReturnExplanation"] = "Toelichting terugkeerrecht",
        ["SecondaryActivitiesAmount"] = "Bedrag secundaire activiteiten",
        ["SentDate"] = "Verzenddatum",
        ["SocialeHuur"] = "Sociale huurwoningen",
        ["Start"] = "Begin",
        ["Suspensions"] = "Opschortingen",
        ["Title"] = "Titel",
        ["Titel"] = "Titel",
        ["TrancheId"] = "Ronde",
        ["UntilDate"] = "Tot en met",
        ["Vertrouwelijkheidaanduiding"] = "Vertrouwelijkheid",
        ["VoorgesteldeOplossing"] = "Voorgestelde oplossing",
        ["Wet"] = "Wet",
    };

    private static int _configured;

    /// <summary>Sets FluentValidation's process-wide language and field names; idempotent (test hosts share a process).</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("nl");
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => LabelOf(member);
    }

    public static string? LabelOf(MemberInfo? member) =>
        member is null ? null : Labels.TryGetValue(member.Name, out var label) ? label : null;
}
