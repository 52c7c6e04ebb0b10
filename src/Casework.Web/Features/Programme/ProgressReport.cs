using System.Globalization;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Features.Letters;
using Casework.Web.Infrastructure.Export;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>How an indicator moved in the half year against a doel's streefwaarde.</summary>
public sealed record IndicatorMovementDto(
    string Focusgebied,
    string FocusgebiedName,
    string Indicator,
    string IndicatorName,
    string Unit,
    BetterDirection BetterDirection,
    string Doel,
    decimal Baseline,
    decimal? Streefwaarde,
    DateOnly? TargetDate,
    string? PreviousPeriod,
    decimal? Previous,
    string? LatestPeriod,
    decimal? Latest,
    decimal? Movement,
    bool? TowardsTarget);

/// <summary>
/// The voortgangsrapportage of a half year, per focusgebied and in total: money, knelpunten and vastlopers opened,
/// resolved and escalated, indicator movements against streefwaarden, and the decisions of SBSD, BRSD and the
/// bestuurlijk overleg. The area figures are the same <see cref="ProgrammeFigures"/> the pages show for that half year.
/// </summary>
public sealed record ProgressReportDto(
    string HalfYear,
    string Label,
    string? Focusgebied,
    IReadOnlyList<AreaFiguresDto> Areas,
    MoneyFiguresDto Vhf,
    MoneyFiguresDto Wbi,
    MoneyFiguresDto Total,
    EscalationCountsDto Knelpunten,
    EscalationCountsDto Vastlopers,
    IReadOnlyList<IndicatorMovementDto> Movements,
    IReadOnlyList<MeetingDecisionDto> Decisions);

public sealed record GetProgressReportQuery(string? HalfYear, string? Focusgebied) : IQuery<ProgressReportDto>;

internal sealed class ProgressReportHandler(CaseworkDbContext db, ProgrammeFigures figures, TimeProvider time) : IQueryHandler<GetProgressReportQuery, ProgressReportDto>
{
    public async ValueTask<ProgressReportDto> Handle(GetProgressReportQuery query, CancellationToken cancellationToken)
    {
        var period = ProgrammeQueryHandlers.ParseHalfYear(query.HalfYear)
            ?? throw ProgrammeAccess.Invalid("halfjaar", "Kies het halfjaar van de rapportage, bijvoorbeeld 2024-H1.");
        string? only = null;
        if (!string.IsNullOrWhiteSpace(query.Focusgebied))
        {
            only = (await ProgrammeAccess.AreaAsync(db, query.Focusgebied.Trim(), cancellationToken)).Code;
        }

        var areas = await figures.LoadAsync(period, only, time.GetUtcNow(), cancellationToken);
        var vhf = areas.Aggregate(MoneyFiguresDto.Zero, (s, a) => s.Plus(a.Vhf));
        var wbi = areas.Aggregate(MoneyFiguresDto.Zero, (s, a) => s.Plus(a.Wbi));
        return new ProgressReportDto(
            period.Code,
            period.Label,
            only,
            areas,
            vhf,
            wbi,
            vhf.Plus(wbi),
            EscalationCountsDto.Of(areas.SelectMany(a => a.Escalations).Where(e => e.Type == "knelpunt")),
            EscalationCountsDto.Of(areas.SelectMany(a => a.Escalations).Where(e => e.Type == "vastloper")),
            await MovementsAsync(period, areas, cancellationToken),
            await DecisionsAsync(period, only is null ? null : areas[0], cancellationToken));
    }

    private async Task<IReadOnlyList<IndicatorMovementDto>> MovementsAsync(HalfYear period, IReadOnlyList<AreaFiguresDto> areas, CancellationToken ct)
    {
        var codes = areas.Select(a => a.Code).ToList();
        var names = areas.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var end = AmsterdamClock.StartOfNextDayUtc(period.Last);
        var doelen = await db.Set<Doel>().AsNoTracking().Where(d => codes.Contains(d.FocusgebiedCode)).ToListAsync(ct);
        var ids = doelen.Select(d => d.Id).ToList();
        var versions = (await db.Set<Streefwaarde>().AsNoTracking().Where(s => ids.Contains(s.DoelId)).ToListAsync(ct)).ToLookup(s => s.DoelId);
        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var measurements = (await db.Set<Measurement>().AsNoTracking().Where(m => codes.Contains(m.FocusgebiedCode) && m.ReplacedAt == null).ToListAsync(ct))
            .Where(m => ProgrammeQueryHandlers.PeriodStart(m.Period) <= period.Last)
            .ToLookup(m => (m.FocusgebiedCode, m.IndicatorCode));
        var result = new List<IndicatorMovementDto>();
        foreach (var d in doelen.OrderBy(d => names[d.FocusgebiedCode], StringComparer.Ordinal).ThenBy(d => d.Actielijn, StringComparer.Ordinal).ThenBy(d => d.CreatedAt))
        {
            var indicator = indicators[d.IndicatorCode];
            var target = versions[d.Id].Where(v => v.RecordedAt < end).MaxBy(v => v.Version);
            var series = measurements[(d.FocusgebiedCode, d.IndicatorCode)].OrderBy(m => ProgrammeQueryHandlers.PeriodStart(m.Period)).ToList();
            var latest = series.LastOrDefault();
            var previous = series.Count > 1 ? series[^2] : null;
            var movement = latest is not null && previous is not null ? latest.Value - previous.Value : (decimal?)null;
            bool? towards = movement is { } delta && delta != 0 ? (delta > 0) == (indicator.BetterDirection == BetterDirection.Hoger) : null;
            result.Add(new IndicatorMovementDto(d.FocusgebiedCode, names[d.FocusgebiedCode], indicator.Code, indicator.Name, indicator.Unit, indicator.BetterDirection, d.Omschrijving,
                d.BaselineValue, target?.Value, target?.TargetDate, previous?.Period, previous?.Value, latest?.Period, latest?.Value, movement, towards));
        }

        return result;
    }

    /// <summary>The decisions of SBSD, BRSD and the bestuurlijk overleg recorded in the half year (for one area: on its cases).</summary>
    private async Task<IReadOnlyList<MeetingDecisionDto>> DecisionsAsync(HalfYear period, AreaFiguresDto? area, CancellationToken ct)
    {
        if (area is not null)
        {
            return area.Meetings.Where(m => !MeetingBodies.IsAlliance(m.BodyCode)).SelectMany(m => m.Decisions).OrderBy(d => d.DecidedAt).ToList();
        }

        var from = AmsterdamClock.StartOfDayUtc(period.First);
        var to = AmsterdamClock.StartOfNextDayUtc(period.Last);
        var bodies = new[] { MeetingBodies.Sbsd, MeetingBodies.Brsd, MeetingBodies.BestuurlijkOverleg };
        var meetings = await db.Set<Meeting>().AsNoTracking().IgnoreAutoIncludes().Where(m => bodies.Contains(m.BodyCode)).ToDictionaryAsync(m => m.Id, ct);
        var ids = meetings.Keys.ToList();
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.Besluit != null && i.DecidedAt != null).ToListAsync(ct);
        return items.Where(i => i.DecidedAt >= from && i.DecidedAt < to)
            .OrderBy(i => i.DecidedAt)
            .Select(i => new MeetingDecisionDto(i.MeetingId, MeetingBodies.DisplayName(meetings[i.MeetingId].BodyCode), meetings[i.MeetingId].Date, i.CaseReference, i.Besluit!, i.DecidedAt!.Value))
            .ToList();
    }
}

/// <summary>The report's sections as tables: one sheet each in Excel, one section each in the PDF, the same figures as the page.</summary>
internal static class ProgressReportTables
{
    public static IReadOnlyList<ExportTable> Sections(ProgressReportDto r)
    {
        var money = ExportTable.Of("Geld", r.Areas.Select(a => (AreaFiguresDto?)a).Append(null), c => c
            .Text("Focusgebied", a => a?.Name ?? "Totaal")
            .Money("VHF aangevraagd", a => (a?.Vhf ?? r.Vhf).AppliedFor)
            .Money("VHF toegekend", a => (a?.Vhf ?? r.Vhf).Awarded)
            .Money("VHF betaald", a => (a?.Vhf ?? r.Vhf).Paid)
            .Money("VHF teruggevorderd", a => (a?.Vhf ?? r.Vhf).Reclaimed)
            .Money("WBI aangevraagd", a => (a?.Wbi ?? r.Wbi).AppliedFor)
            .Money("WBI toegekend", a => (a?.Wbi ?? r.Wbi).Awarded)
            .Money("WBI betaald", a => (a?.Wbi ?? r.Wbi).Paid)
            .Money("WBI teruggevorderd", a => (a?.Wbi ?? r.Wbi).Reclaimed)
            .Money("Totaal toegekend", a => (a?.Total ?? r.Total).Awarded)
            .Money("Totaal betaald", a => (a?.Total ?? r.Total).Paid));
        var escalations = ExportTable.Of("Knelpunten en vastlopers", r.Areas.Select(a => (AreaFiguresDto?)a).Append(null), c => c
            .Text("Focusgebied", a => a?.Name ?? "Totaal")
            .WholeNumber("Knelpunten gemeld", a => (a?.Knelpunten ?? r.Knelpunten).Opened)
            .WholeNumber("Knelpunten opgelost of gesloten", a => (a?.Knelpunten ?? r.Knelpunten).Resolved)
            .WholeNumber("Knelpunten geëscaleerd", a => (a?.Knelpunten ?? r.Knelpunten).Escalated)
            .WholeNumber("Knelpunten open aan het eind", a => (a?.Knelpunten ?? r.Knelpunten).Open)
            .WholeNumber("Vastlopers gemeld", a => (a?.Vastlopers ?? r.Vastlopers).Opened)
            .WholeNumber("Vastlopers opgelost of gesloten", a => (a?.Vastlopers ?? r.Vastlopers).Resolved)
            .WholeNumber("Vastlopers geëscaleerd", a => (a?.Vastlopers ?? r.Vastlopers).Escalated)
            .WholeNumber("Vastlopers open aan het eind", a => (a?.Vastlopers ?? r.Vastlopers).Open));
        var movements = ExportTable.Of("Indicatoren", r.Movements, c => c
            .Text("Focusgebied", m => m.FocusgebiedName)
            .Text("Indicator", m => m.IndicatorName)
            .Text("Eenheid", m => m.Unit)
            .Text("Doel", m => m.Doel)
            .Number("Nulmeting", m => m.Baseline)
            .Number("Streefwaarde", m => m.Streefwaarde)
            .Date("Streefdatum", m => m.TargetDate)
            .Text("Vorige periode", m => m.PreviousPeriod)
            .Number("Vorige waarde", m => m.Previous)
            .Text("Laatste periode", m => m.LatestPeriod)
            .Number("Laatste waarde", m => m.Latest)
            .Number("Beweging", m => m.Movement)
            .Text("Richting", m => m.TowardsTarget switch { true => "naar de streefwaarde", false => "van de streefwaarde af", _ => "geen beweging bekend" }));
        var decisions = ExportTable.Of("Besluiten", r.Decisions, c => c
            .Text("Gremium", d => d.Body)
            .Date("Vergadering", d => d.MeetingDate)
            .Text("Zaaknummer", d => d.CaseReference)
            .Text("Besluit", d => d.Besluit)
            .DateTime("Vastgelegd op", d => d.DecidedAt));
        return [money, escalations, movements, decisions];
    }

    public static byte[] Pdf(ProgressReportDto r, DateOnly today)
    {
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        var blocks = new List<LetterBlock>
        {
            new(LetterBlockKind.Paragraph, $"Voortgangsrapportage van het Nationaal Programma Leefbaarheid en Veiligheid over {r.Label}{(r.Areas.Count == 1 ? $", focusgebied {r.Areas[0].Name}" : ", alle focusgebieden")}."),
        };
        foreach (var table in Sections(r))
        {
            blocks.Add(new(LetterBlockKind.Heading, table.Title));
            if (table.Rows.Count == 0)
            {
                blocks.Add(new(LetterBlockKind.Paragraph, "Niets in dit halfjaar."));
            }

            foreach (var row in table.Rows)
            {
                var cells = table.Columns.Select((col, i) => (col.Header, Value: Text(row[i], col.Kind, dutch))).Where(x => x.Value is { Length: > 0 }).ToList();
                blocks.Add(new(LetterBlockKind.Bullet, string.Join("; ", cells.Select(x => $"{x.Header}: {x.Value}"))));
            }
        }

        return LetterPdf.Render(new LetterContent(
            "Programmateam Nationaal Programma Leefbaarheid en Veiligheid",
            ["De minister voor Volkshuisvesting en Ruimtelijke Ordening"],
            $"Voortgangsrapportage {r.HalfYear}",
            today,
            $"Voortgangsrapportage {r.Label}",
            blocks,
            ["Het programmateam NPLV"]));
    }

    private static string? Text(object? value, ExportCellKind kind, CultureInfo dutch) => value switch
    {
        null => null,
        decimal money when kind == ExportCellKind.Money => Pages.NlFormat.Money(money),
        DateOnly date => LetterPdf.Dutch(date),
        DateTimeOffset at => Pages.NlFormat.DateTime(at),
        IFormattable f => f.ToString(null, dutch),
        _ => value.ToString(),
    };
}

/// <summary>A report cell as the page shows it (Dutch numbers, amounts and dates).</summary>
public static class ReportCells
{
    public static bool IsNumeric(ExportCellKind kind) => kind is ExportCellKind.Money or ExportCellKind.Number or ExportCellKind.WholeNumber;

    public static string Text(object? value, ExportCellKind kind) => value switch
    {
        null => string.Empty,
        decimal money when kind == ExportCellKind.Money => Pages.NlFormat.Money(money),
        decimal number => Pages.NlFormat.Number(number),
        int whole => whole.ToString(CultureInfo.InvariantCulture),
        DateOnly date => Pages.NlFormat.Date(date),
        DateTimeOffset at => Pages.NlFormat.DateTime(at),
        _ => value.ToString() ?? string.Empty,
    };
}
