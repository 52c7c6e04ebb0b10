using Casework.Web.Features.Pages;

namespace Casework.Web.Features.AfterAward;

/// <summary>The Dutch words the after-award pages and timeline show for its codes.</summary>
internal static class AfterAwardLabels
{
    /// <summary>"€ 1.234.567,00".</summary>
    public static string Money(decimal euros) => NlFormat.EuroSign + euros.ToString("N2", NlFormat.Culture);

    public static string MilestoneStatus(string code) => code switch
    {
        "open" => "Nog niet gemeld",
        "gemeld" => "Gemeld, wacht op beoordeling",
        "aanvullingGevraagd" => "Aanvulling gevraagd",
        "aanvaard" => "Aanvaard",
        "redenAanvaard" => "Termijn verstreken, reden aanvaard",
        "vastgesteld" => "Afgehandeld met de vaststelling",
        "vervallen" => "Vervallen: de toekenning is vervallen",
        _ => code,
    };

    public static string SisaStatus(string code) => code switch
    {
        "open" => "Nog niet verantwoord",
        "verantwoord" => "Verantwoord",
        "vervallen" => "Vervallen",
        _ => code,
    };

    public static string UitstelStatus(string code) => code switch
    {
        "aangevraagd" => "Uitstel gevraagd, wacht op besluit",
        "verleend" => "Uitstel verleend",
        "geweigerd" => "Uitstel geweigerd",
        _ => code,
    };
}
