using Casework.Domain.Access;

namespace Casework.Web.Infrastructure.Auth;

/// <summary>A seeded demo user for the development sign-in.</summary>
public sealed record DemoUser(string UserName, string DisplayName, string Organisation, IReadOnlyList<Role> Roles, string Description);

/// <summary>The demo users of the development sign-in (never present outside Development).</summary>
public static class DemoUsers
{
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("rotterdam-aanvrager", "Fatima el Idrissi", "GM0599", [Role.GemeenteAanvrager], "Aanvrager, gemeente Rotterdam"),
        new("amsterdam-aanvrager", "Jeroen de Vries", "GM0363", [Role.GemeenteAanvrager], "Aanvrager, gemeente Amsterdam"),
        new("weert-aanvrager", "Anouk Janssen", "GM0988", [Role.GemeenteAanvrager], "Aanvrager, gemeente Weert (ruim 50.000 inwoners)"),
        new("vlieland-aanvrager", "Pieter Bakker", "GM0096", [Role.GemeenteAanvrager], "Aanvrager, gemeente Vlieland (onder 50.000 inwoners)"),
        new("utrecht-aanvrager", "Lisa van Leeuwen", "GM0344", [Role.GemeenteAanvrager], "Aanvrager, gemeente Utrecht"),
        new("denhaag-aanvrager", "Youssef Benali", "GM0518", [Role.GemeenteAanvrager], "Aanvrager, gemeente Den Haag"),
        new("eindhoven-aanvrager", "Maartje Verhoeven", "GM0772", [Role.GemeenteAanvrager], "Aanvrager, gemeente Eindhoven"),
        new("groningen-aanvrager", "Sjoerd Dijkstra", "GM0014", [Role.GemeenteAanvrager], "Aanvrager, gemeente Groningen"),
        new("rvo-loket", "Sanne Visser", "RVO", [Role.Loket], "Loketmedewerker RVO (VHF en WBI)"),
        new("rvo-loket-2", "Daan Koster", "RVO", [Role.Loket], "Tweede loketmedewerker RVO (bevestigt buiten behandeling stellen: vier-ogenprincipe)"),
        new("vro-beoordelaar", "Mohammed Amrani", "VRO", [Role.Beoordelaar], "Beoordelaar, ministerie van VRO"),
        new("vro-beoordelaar-2", "Esther de Graaf", "VRO", [Role.Beoordelaar], "Tweede beoordelaar, ministerie van VRO (collega voor overdragen en het vier-ogenprincipe)"),
        new("szw-beoordelaar", "Ingrid Mulder", "SZW", [Role.Beoordelaar, Role.Rijksvertegenwoordiger], "Beoordelaar en rijksvertegenwoordiger, ministerie van SZW"),
        new("commissie-wbi", "Hans Smit", "TC-WBI", [Role.Commissielid], "Lid Toetsingscommissie Woningbouwimpuls"),
        new("commissie-wbi-2", "Noor Hermans", "TC-WBI", [Role.Commissielid], "Tweede lid Toetsingscommissie Woningbouwimpuls (scoort naast Hans Smit)"),
        new("commissie-wbi-3", "Bram Willems", "TC-WBI", [Role.Commissielid], "Derde lid Toetsingscommissie Woningbouwimpuls (voor verschoning en gemiddelde)"),
        new("commissie-vhf", "Eva de Boer", "TC-VHF", [Role.Commissielid], "Lid Toetsingscommissie Volkshuisvestingsfonds"),
        new("sbsd-secretaris", "Karin Dekker", "SBSD", [Role.Secretaris], "Secretaris Strategisch Beraad Sociaal Domein"),
        new("brsd-secretaris", "Willem Bos", "BRSD", [Role.Secretaris], "Secretaris Brede Regietafel Sociaal Domein"),
        new("bo-secretaris", "Lotte Meijer", "BO", [Role.Secretaris], "Secretaris bestuurlijk overleg focusgebieden"),
        new("alliantie-rotterdam-zuid", "Ahmed Yilmaz", "ALLIANTIE-ROTTERDAM-ZUID", [Role.Secretaris], "Secretaris alliantie Rotterdam-Zuid"),
        new("alliantie-groningen-noord", "Femke Postma", "ALLIANTIE-GRONINGEN-NOORD", [Role.Secretaris], "Secretaris alliantie Groningen Noord"),
        new("alliantie-delft-west", "Ruud van der Berg", "ALLIANTIE-DELFT-WEST", [Role.Secretaris], "Secretaris alliantie Delft West"),
        new("alliantie-utrecht-overvecht", "Samira Ouali", "ALLIANTIE-UTRECHT-OVERVECHT", [Role.Secretaris], "Secretaris alliantie Utrecht Overvecht"),
        new("auditor", "Marieke van Dijk", "BZK", [Role.Auditor], "Auditor (leest alles, wijzigt niets)"),
        new("beheerder", "Tom Hendriks", "VRO", [Role.Beheerder], "Functioneel beheerder (rondes en plafonds)"),
    ];

    public static DemoUser? Find(string userName) => All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
