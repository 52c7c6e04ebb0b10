using System.Globalization;
using Casework.Domain.Access;
using Casework.Domain.Organisations;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>Who may change a focusgebied's uitvoeringsprogramma, prestatieafspraken and measurements.</summary>
internal static class ProgrammeAccess
{
    /// <summary>The gemeente of the area (its aanvragers) and the secretariat of its alliance edit their own area; nobody else.</summary>
    public static bool MayEdit(Actor actor, Focusgebied area) =>
        (actor.Organisation == area.GemeenteCode && actor.Roles.Contains(Role.GemeenteAanvrager))
        || (actor.Organisation == area.AllianceCode && actor.Roles.Contains(Role.Secretaris));

    public static void EnsureMayEdit(Actor actor, Focusgebied area)
    {
        if (!MayEdit(actor, area))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden,
                $"Het uitvoeringsprogramma, de prestatieafspraken en de metingen van {area.Name} worden bijgehouden door de gemeente van het focusgebied en het secretariaat van de alliantie.");
        }
    }

    public static async Task<Focusgebied> AreaAsync(CaseworkDbContext db, string? code, CancellationToken ct) =>
        await db.Focusgebieden.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, ct)
        ?? throw ApiProblemException.NotFound("Het focusgebied");

    public static string Stream(string focusgebiedCode) => "programma:" + focusgebiedCode;

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>The actielijnen (programme domains, NPLV ch. 2) an indicator or doel belongs to, with their Dutch names.</summary>
public static class Actielijnen
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["onderwijs"] = "Onderwijs",
        ["gezondheid"] = "Gezondheid",
        ["wonen"] = "Wonen",
        ["werk-en-inkomen"] = "Werk en inkomen",
        ["veiligheid"] = "Veiligheid",
    };

    public static string Name(string code) => All.GetValueOrDefault(code, code);

    public static string Choices => string.Join(", ", All.Keys);
}

/// <summary>An indicator of the catalogue.</summary>
public sealed record IndicatorDto(string Code, int? Number, string Name, string Actielijn, string ActielijnName, string Unit, BetterDirection BetterDirection, string UsualSource, string? Focusgebied, bool Local);

/// <summary>One measurement; <c>replaced</c> ones are kept with who replaced them, when and why.</summary>
public sealed record MeasurementDto(Guid Id, string Indicator, string Focusgebied, string Period, decimal Value, string Source, DateOnly SourceDate, bool Demo, string RecordedBy, DateTimeOffset RecordedAt, DateTimeOffset? ReplacedAt, string? ReplaceReason);

/// <summary>One version of a streefwaarde.</summary>
public sealed record StreefwaardeDto(int Version, decimal Value, DateOnly TargetDate, string? Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A doel with its baseline and every version of its streefwaarde (the current one first).</summary>
public sealed record DoelDto(
    Guid Id,
    string Focusgebied,
    DoelSoort Soort,
    string Actielijn,
    string ActielijnName,
    string Omschrijving,
    string Indicator,
    decimal BaselineValue,
    DateOnly BaselineDate,
    string BaselineSource,
    StreefwaardeDto? Current,
    IReadOnlyList<StreefwaardeDto> History);

/// <summary>An indicator as followed in one area: its current measurements (oldest period first) and the doelen on it.</summary>
public sealed record IndicatorSeriesDto(IndicatorDto Indicator, IReadOnlyList<MeasurementDto> Measurements, IReadOnlyList<DoelDto> Doelen);

/// <summary>One focusgebied on one page: the figures, the indicators with the doelen, and whether the caller may edit.</summary>
public sealed record FocusgebiedMonitorDto(string? HalfYear, AreaFiguresDto Figures, IReadOnlyList<IndicatorSeriesDto> Indicators, bool MayEdit);

/// <summary>All 20 side by side, sorted as asked, with the programme's total (a knelpunt of several areas counted once).</summary>
public sealed record ProgrammeOverviewDto(string? HalfYear, string Sort, string Direction, IReadOnlyList<AreaFiguresDto> Areas, MoneyFiguresDto VhfTotal, MoneyFiguresDto WbiTotal, MoneyFiguresDto Total, int OpenKnelpunten, int ClosedKnelpunten, int OpenVastlopers, int ClosedVastlopers);

public sealed record GetProgrammeOverviewQuery(string? HalfYear, string? Sort, string? Direction) : IQuery<ProgrammeOverviewDto>;

public sealed record GetFocusgebiedMonitorQuery(string Code, string? HalfYear) : IQuery<FocusgebiedMonitorDto>;

public sealed record ListIndicatorsQuery(string? Focusgebied) : IQuery<IReadOnlyList<IndicatorDto>>;

/// <summary>The sortable columns of the overview, by their query-string key.</summary>
public static class OverviewColumns
{
    private static readonly CompareInfo Dutch = CultureInfo.GetCultureInfo("nl-NL").CompareInfo;

    public static readonly IReadOnlyList<(string Key, string Header, bool Numeric, Func<AreaFiguresDto, IComparable> Value)> All =
    [
        ("naam", "Focusgebied", false, a => a.Name),
        ("gemeente", "Gemeente", false, a => a.GemeenteName),
        ("alliantie", "Alliantie", false, a => a.AllianceName),
        ("rijksvertegenwoordiger", "Rijksvertegenwoordiger", false, a => a.RijksvertegenwoordigerDepartmentName ?? string.Empty),
        ("vhf-aangevraagd", "VHF aangevraagd", true, a => a.Vhf.AppliedFor),
        ("vhf-toegekend", "VHF toegekend", true, a => a.Vhf.Awarded),
        ("vhf-betaald", "VHF betaald", true, a => a.Vhf.Paid),
        ("vhf-teruggevorderd", "VHF teruggevorderd", true, a => a.Vhf.Reclaimed),
        ("wbi-aangevraagd", "WBI aangevraagd", true, a => a.Wbi.AppliedFor),
        ("wbi-toegekend", "WBI toegekend", true, a => a.Wbi.Awarded),
        ("wbi-betaald", "WBI betaald", true, a => a.Wbi.Paid),
        ("wbi-teruggevorderd", "WBI teruggevorderd", true, a => a.Wbi.Reclaimed),
        ("totaal-toegekend", "Totaal toegekend", true, a => a.Total.Awarded),
        ("totaal-betaald", "Totaal betaald", true, a => a.Total.Paid),
        ("knelpunten-open", "Knelpunten open", true, a => a.Knelpunten.Open),
        ("knelpunten-gesloten", "Knelpunten gesloten", true, a => a.Knelpunten.Resolved),
        ("vastlopers-open", "Vastlopers open", true, a => a.Vastlopers.Open),
        ("vastlopers-gesloten", "Vastlopers gesloten", true, a => a.Vastlopers.Resolved),
        ("vergaderingen", "Vergaderingen", true, a => a.Meetings.Count),
    ];

    public static IReadOnlyList<AreaFiguresDto> Sort(IReadOnlyList<AreaFiguresDto> areas, string key, bool descending)
    {
        var column = All.First(c => c.Key == key);
        var comparer = Comparer<IComparable>.Create((x, y) => x is string a && y is string b ? Dutch.Compare(a, b, CompareOptions.IgnoreCase) : x.CompareTo(y));
        var sorted = descending ? areas.OrderByDescending(column.Value, comparer) : areas.OrderBy(column.Value, comparer);
        return sorted.ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }
}

internal sealed class ProgrammeQueryHandlers(CaseworkDbContext db, ProgrammeFigures figures, ICurrentActor current, TimeProvider time) :
    IQueryHandler<GetProgrammeOverviewQuery, ProgrammeOverviewDto>,
    IQueryHandler<GetFocusgebiedMonitorQuery, FocusgebiedMonitorDto>,
    IQueryHandler<ListIndicatorsQuery, IReadOnlyList<IndicatorDto>>
{
    public static HalfYear? ParseHalfYear(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null
        : HalfYear.Parse(code.Trim()) ?? throw ProgrammeAccess.Invalid("halfjaar", "Geef een halfjaar als jjjj-H1 (1 januari tot en met 30 juni) of jjjj-H2 (1 juli tot en met 31 december), bijvoorbeeld 2024-H1.");

    public async ValueTask<ProgrammeOverviewDto> Handle(GetProgrammeOverviewQuery query, CancellationToken cancellationToken)
    {
        var period = ParseHalfYear(query.HalfYear);
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? "naam" : query.Sort.Trim().ToLowerInvariant();
        if (OverviewColumns.All.All(c => c.Key != sort))
        {
            throw ProgrammeAccess.Invalid("sorteer", $"Sorteer op een van de kolommen: {string.Join(", ", OverviewColumns.All.Select(c => c.Key))}.");
        }

        var direction = string.IsNullOrWhiteSpace(query.Direction) ? "op" : query.Direction.Trim().ToLowerInvariant();
        if (direction is not ("op" or "af"))
        {
            throw ProgrammeAccess.Invalid("richting", "Richting is op (oplopend) of af (aflopend).");
        }

        var areas = await figures.LoadAsync(period, null, time.GetUtcNow(), cancellationToken);
        var sorted = OverviewColumns.Sort(areas, sort, direction == "af");

        // A knelpunt raised from several areas is one knelpunt of the programme.
        var knelpunten = areas.SelectMany(a => a.Escalations.Where(e => e.Type == "knelpunt")).DistinctBy(e => e.Id).ToList();
        var vastlopers = areas.SelectMany(a => a.Escalations.Where(e => e.Type == "vastloper")).DistinctBy(e => e.Id).ToList();
        var vhf = areas.Aggregate(MoneyFiguresDto.Zero, (s, a) => s.Plus(a.Vhf));
        var wbi = areas.Aggregate(MoneyFiguresDto.Zero, (s, a) => s.Plus(a.Wbi));
        return new ProgrammeOverviewDto(period?.Code, sort, direction, sorted, vhf, wbi, vhf.Plus(wbi),
            knelpunten.Count(k => !k.Closed), knelpunten.Count(k => k.Closed), vastlopers.Count(v => !v.Closed), vastlopers.Count(v => v.Closed));
    }

    public async ValueTask<FocusgebiedMonitorDto> Handle(GetFocusgebiedMonitorQuery query, CancellationToken cancellationToken)
    {
        var period = ParseHalfYear(query.HalfYear);
        var area = await ProgrammeAccess.AreaAsync(db, query.Code, cancellationToken);
        var areaFigures = (await figures.LoadAsync(period, area.Code, time.GetUtcNow(), cancellationToken)).Single();
        var indicators = await IndicatorSeriesAsync(db, area.Code, cancellationToken);
        return new FocusgebiedMonitorDto(period?.Code, areaFigures, indicators, ProgrammeAccess.MayEdit(current.Actor, area));
    }

    public async ValueTask<IReadOnlyList<IndicatorDto>> Handle(ListIndicatorsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Indicator>().AsNoTracking()
            .Where(i => i.FocusgebiedCode == null || query.Focusgebied == null || i.FocusgebiedCode == query.Focusgebied)
            .ToListAsync(cancellationToken);
        return Ordered(rows).Select(ToDto).ToList();
    }

    public static IEnumerable<Indicator> Ordered(IEnumerable<Indicator> rows) =>
        rows.OrderBy(i => i.Number is null).ThenBy(i => i.Number).ThenBy(i => i.Name, StringComparer.Ordinal);

    /// <summary>Every national indicator and the area's local ones, with the area's current measurements and doelen.</summary>
    public static async Task<IReadOnlyList<IndicatorSeriesDto>> IndicatorSeriesAsync(CaseworkDbContext db, string code, CancellationToken ct)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.FocusgebiedCode == null || i.FocusgebiedCode == code).ToListAsync(ct);
        var measurements = (await db.Set<Measurement>().AsNoTracking().Where(m => m.FocusgebiedCode == code && m.ReplacedAt == null).ToListAsync(ct)).ToLookup(m => m.IndicatorCode);
        var doelen = (await DoelenAsync(db, code, ct)).ToLookup(d => d.Indicator);
        return Ordered(indicators)
            .Select(i => new IndicatorSeriesDto(ToDto(i), measurements[i.Code].OrderBy(m => PeriodStart(m.Period)).Select(ToDto).ToList(), doelen[i.Code].ToList()))
            .ToList();
    }

    public static async Task<IReadOnlyList<DoelDto>> DoelenAsync(CaseworkDbContext db, string code, CancellationToken ct)
    {
        var doelen = await db.Set<Doel>().AsNoTracking().Where(d => d.FocusgebiedCode == code).ToListAsync(ct);
        var ids = doelen.Select(d => d.Id).ToList();
        var versions = (await db.Set<Streefwaarde>().AsNoTracking().Where(s => ids.Contains(s.DoelId)).ToListAsync(ct)).ToLookup(s => s.DoelId);
        return doelen.OrderBy(d => d.Actielijn, StringComparer.Ordinal).ThenBy(d => d.CreatedAt).Select(d => ToDto(d, versions[d.Id])).ToList();
    }

    public static DoelDto ToDto(Doel d, IEnumerable<Streefwaarde> versions)
    {
        var history = versions.OrderByDescending(v => v.Version)
            .Select(v => new StreefwaardeDto(v.Version, v.Value, v.TargetDate, v.Reason, v.RecordedByName, v.RecordedAt)).ToList();
        return new DoelDto(d.Id, d.FocusgebiedCode, d.Soort, d.Actielijn, Actielijnen.Name(d.Actielijn), d.Omschrijving, d.IndicatorCode,
            d.BaselineValue, d.BaselineDate, d.BaselineSource, history.FirstOrDefault(), history);
    }

    /// <summary>Where a period starts, to order and place measurements: a year on 1 January, H2 on 1 July.</summary>
    public static DateOnly PeriodStart(string period) =>
        HalfYear.Parse(period) is { } half ? half.First
        : int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? new DateOnly(year, 1, 1)
        : DateOnly.MinValue;

    public static IndicatorDto ToDto(Indicator i) =>
        new(i.Code, i.Number, i.Name, i.Actielijn, Actielijnen.Name(i.Actielijn), i.Unit, i.BetterDirection, i.UsualSource, i.FocusgebiedCode, i.IsLocal);

    public static MeasurementDto ToDto(Measurement m) =>
        new(m.Id, m.IndicatorCode, m.FocusgebiedCode, m.Period, m.Value, m.Source, m.SourceDate, m.IsDemo, m.RecordedByName, m.RecordedAt, m.ReplacedAt, m.ReplaceReason);

    public static DateOnly Today(TimeProvider time) => AmsterdamClock.Today(time);
}
