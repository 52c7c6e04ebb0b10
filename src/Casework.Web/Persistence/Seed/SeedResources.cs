using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Casework.Web.Persistence.Seed;

/// <summary>
/// Reads the reference CSVs embedded in this assembly (provenance in docs/data-sources.md and
/// Data/SOURCES.md). Nothing outside the assembly is read at run time.
/// </summary>
internal static class SeedResources
{
    public static IReadOnlyList<GemeenteRow> Gemeenten(string resource = "gemeenten.csv") =>
        Read<GemeenteRow>(resource, map => map.Map(r => r.CbsCode).Name("cbs_code"), map =>
        {
            map.Map(r => r.Name).Name("name");
            map.Map(r => r.Province).Name("province");
            map.Map(r => r.Population).Name("population");
            map.Map(r => r.PopulationDate).Name("population_date");
        });

    public static IReadOnlyList<GemeenteRow> Gemeenten2024() => Gemeenten("gemeenten_population_2024.csv");

    public static IReadOnlyList<FocusgebiedRow> Focusgebieden() =>
        Read<FocusgebiedRow>("focusgebieden.csv", map => map.Map(r => r.Name).Name("focusgebied"), map =>
        {
            map.Map(r => r.Gemeente).Name("gemeente");
            map.Map(r => r.Department).Name("rijksvertegenwoordiger_departement");
        });

    public static IReadOnlyList<TrancheRow> Tranches() =>
        Read<TrancheRow>("tranches.csv", map => map.Map(r => r.Regeling).Name("regeling"), map =>
        {
            map.Map(r => r.Round).Name("round");
            map.Map(r => r.OpensAt).Name("opens_at");
            map.Map(r => r.ClosesAt).Name("closes_at");
            map.Map(r => r.CeilingEur).Name("ceiling_eur");
            map.Map(r => r.AnnouncedOn).Name("announced_on");
            map.Map(r => r.Notes).Name("notes");
            map.Map(r => r.Toelichting).Name("toelichting");
        });

    public static IReadOnlyList<RegionMemberRow> DesignatedRegions() =>
        Read<RegionMemberRow>("woningmarktregios.csv", map => map.Map(r => r.RegionSet).Name("region_set"), map =>
        {
            map.Map(r => r.Region).Name("region");
            map.Map(r => r.GemeenteCbsCode).Name("cbs_code");
        });

    /// <summary>The kernindicatoren of NPLV 6.1 (number, name, actielijn, unit, which direction is better, usual source).</summary>
    public static IReadOnlyList<KernindicatorRow> Kernindicatoren() =>
        Read<KernindicatorRow>("kernindicatoren.csv", map => map.Map(r => r.Number).Name("nummer"), map =>
        {
            map.Map(r => r.Name).Name("naam");
            map.Map(r => r.Actielijn).Name("actielijn");
            map.Map(r => r.Unit).Name("eenheid");
            map.Map(r => r.Better).Name("beter");
            map.Map(r => r.UsualSource).Name("gebruikelijke_bron");
        });

    /// <summary>Days equated with an algemeen erkende feestdag (Atw art. 3 lid 3), one row per day with its besluit.</summary>
    public static IReadOnlyList<EquatedDayRow> EquatedDays() =>
        Read<EquatedDayRow>("gelijkgestelde-dagen.csv", map => map.Map(r => r.Besluit).Name("besluit"), map =>
        {
            map.Map(r => r.FirstYear).Name("eerste_jaar");
            map.Map(r => r.LastYear).Name("laatste_jaar");
            map.Map(r => r.Date).Name("datum");
        });

    private static List<T> Read<T>(string resource, Action<ClassMap<T>> key, Action<ClassMap<T>> rest)
    {
        var name = "Casework.Seed." + resource;
        using var stream = typeof(SeedResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded seed resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        var map = new DefaultClassMap<T>();
        key(map);
        rest(map);
        csv.Context.RegisterClassMap(map);
        return csv.GetRecords<T>().ToList();
    }
}

internal sealed class KernindicatorRow
{
    public int Number { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Actielijn { get; set; } = string.Empty;

    public string Unit { get; set; } = string.Empty;

    /// <summary><c>hoger</c> or <c>lager</c>: which way is better.</summary>
    public string Better { get; set; } = string.Empty;

    public string UsualSource { get; set; } = string.Empty;
}

internal sealed class GemeenteRow
{
    public string CbsCode { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Province { get; set; } = string.Empty;

    public int Population { get; set; }

    public DateOnly PopulationDate { get; set; }
}

internal sealed class FocusgebiedRow
{
    public string Name { get; set; } = string.Empty;

    public string Gemeente { get; set; } = string.Empty;

    public string? Department { get; set; }
}

internal sealed class TrancheRow
{
    public string Regeling { get; set; } = string.Empty;

    public string Round { get; set; } = string.Empty;

    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }

    public decimal CeilingEur { get; set; }

    public string? AnnouncedOn { get; set; }

    public string? Notes { get; set; }

    /// <summary>The notes in Dutch, as the round page shows them (added to our copy; <c>notes</c> keeps the source's English).</summary>
    public string? Toelichting { get; set; }
}

internal sealed class RegionMemberRow
{
    public string RegionSet { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;

    public string GemeenteCbsCode { get; set; } = string.Empty;
}

internal sealed class EquatedDayRow
{
    public string Besluit { get; set; } = string.Empty;

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    public DateOnly Date { get; set; }
}
