using System.Security.Claims;
using Casework.Domain.Access;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;

namespace Casework.Web.Features.Pages;

/// <summary>
/// What the layout shows around every page: who is signed in and the menu for their roles. One menu for
/// the whole application, so each role finds its work in the same place on every page.
/// </summary>
public sealed class PageChrome(AuthOptions options)
{
    public ChromeModel For(HttpContext http)
    {
        var actor = HttpCurrentActor.FromPrincipal(http.User, options);
        if (actor is null)
        {
            return new ChromeModel(false, null, null, []);
        }

        var path = http.Request.Path.Value ?? "/";
        var items = new List<NavigationItem>();
        void Add(string href, string label) =>
            items.Add(new NavigationItem(href, label, path == href || (href != "/" && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase))));

        if (actor.Roles.Contains(Role.GemeenteAanvrager))
        {
            Add(PagePaths.MyCases, "Mijn zaken");
            Add(PagePaths.NewApplication, "Nieuwe aanvraag");
        }

        if (actor.Roles.Overlaps(PageAccess.WorkQueueRoles))
        {
            Add(PagePaths.WorkQueue, "Werkvoorraad");
        }

        if (actor.Roles.Contains(Role.Commissielid))
        {
            Add(PagePaths.CommitteeScoring, "Te scoren");
        }

        Add(PagePaths.Rounds, "Rondes");
        Add(PagePaths.Programme, "Focusgebieden");
        Add(PagePaths.KnelpuntenRegister, "Knelpuntenregister");
        if (actor.Roles.Overlaps(PageAccess.EscalationRoles))
        {
            Add(PagePaths.Escalations, "Escalaties");
            Add(PagePaths.Meetings, "Vergaderingen");
        }

        if (actor.Roles.Contains(Role.Beheerder))
        {
            Add(Delivery.DeliveryPagePaths.Mailboxes, "Mailboxen");
            Add(Delivery.DeliveryPagePaths.NotDelivered, "Niet bezorgd");
        }

        if (actor.Roles.Contains(Role.Auditor) || actor.Roles.Contains(Role.Beheerder))
        {
            Add(Audit.VerificationModel.Path, "Audittrail");
        }

        // Raising a knelpunt or a vastloper depends on the kind of organisation too (a gemeente, an alliance, a department).
        var kind = EscalationRaisers.Kind(http.RequestServices.GetRequiredService<CaseworkDbContext>(), actor.Organisation);
        if (EscalationRaisers.KnelpuntIndiener(kind, actor.Roles) is not null)
        {
            Add(PagePaths.RaiseKnelpunt, "Knelpunt melden");
        }

        if (EscalationRaisers.MayRaiseVastloper(kind, actor.Roles))
        {
            Add(PagePaths.RaiseVastloper, "Vastloper melden");
        }

        Add(Delivery.DeliveryPagePaths.MyNotifications, "Mijn meldingen");
        if (http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            Add(Delivery.DeliveryPagePaths.SentMessages, "Verzonden berichten");
        }

        var name = http.User.FindFirstValue(CaseworkClaims.Name) ?? Labels.Person(actor.UserId);
        return new ChromeModel(true, name, EscalationRaisers.Name(http.RequestServices.GetRequiredService<CaseworkDbContext>(), actor.Organisation), items);
    }
}

public sealed record ChromeModel(bool SignedIn, string? DisplayName, string? Organisation, IReadOnlyList<NavigationItem> Navigation);

public sealed record NavigationItem(string Href, string Label, bool IsCurrent);

/// <summary>The pages' addresses (Dutch, as the users read them), in one place so links never drift from routes.</summary>
public static class PagePaths
{
    public const string Home = "/";
    public const string MyCases = "/mijn-zaken";
    public const string NewApplication = "/aanvragen/nieuw";
    public const string WorkQueue = "/werkvoorraad";

    public const string CommitteeScoring = "/commissie";
    public const string Rounds = "/rondes";
    public const string Escalations = "/escalaties";
    public const string Meetings = "/vergaderingen";
    public const string ActionItems = "/vergaderingen/actiepunten";
    public const string NotDelivered = "/beheer/niet-bezorgd";
    public const string RaiseKnelpunt = "/knelpunten/nieuw";
    public const string AnnounceRound = "/rondes/nieuw";
    public const string RaiseVastloper = "/vastlopers/nieuw";
    public const string Programme = "/focusgebieden";
    public const string Indicators = "/indicatoren";
    public const string MeasurementImport = "/metingen/inlezen";
    public const string KnelpuntenRegister = "/knelpuntenregister";
    public const string ProgressReport = "/voortgangsrapportage";

    public static string Focusgebied(string code) => $"/focusgebieden/{Uri.EscapeDataString(code)}";

    public static string Case(Guid id) => $"/zaken/{id}";

    public static string Award(Guid id) => $"/toekenningen/{id}";

    public static string CaseDiagram(Guid id) => $"/zaken/{id}/diagram";

    public static string Round(Guid id) => $"/rondes/{id}";

    public static string RoundAdministration(Guid id) => $"/rondes/{id}/beheer";

    public static string Meeting(Guid id) => $"/vergaderingen/{id}";
}

/// <summary>The roles as the users call them.</summary>
public static class RoleLabels
{
    public static string Dutch(Role role) => role switch
    {
        Role.GemeenteAanvrager => "aanvrager namens de gemeente",
        Role.Loket => "loketmedewerker (RVO)",
        Role.Beoordelaar => "beoordelaar",
        Role.Commissielid => "commissielid",
        Role.Secretaris => "secretaris",
        Role.Rijksvertegenwoordiger => "rijksvertegenwoordiger",
        Role.Beheerder => "beheerder",
        Role.Auditor => "auditor",
        Role.Systeem => "systeem",
        _ => role.ToString(),
    };
}
