using System.Globalization;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using CsvHelper;
using CsvHelper.Configuration;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>One row of an import as read, with every problem found in it (none: it would be stored).</summary>
/// <param name="Row">The line in the file (the header is line 1).</param>
public sealed record ImportRowDto(int Row, string? Focusgebied, string? Indicator, string? Period, decimal? Value, string? Source, DateOnly? SourceDate, bool Replaces, IReadOnlyList<string> Problems);

/// <summary>What an import would do (preview) or did: every row, and whether anything was stored (the whole file or nothing).</summary>
public sealed record ImportResultDto(bool Stored, int Rows, int RowsWithProblems, int Replacing, IReadOnlyList<ImportRowDto> Lines);

/// <summary>
/// Imports measurements from CSV (columns <c>focusgebied;indicator;periode;waarde;bron;brondatum</c>, as a Dutch Excel
/// saves it: semicolons, decimal comma, dates as dd-mm-jjjj). <paramref name="Store"/> false previews; true stores
/// the whole file or, when any row has a problem, nothing (422 naming each row). A row for a period that has a value
/// already replaces it only with <paramref name="Reason"/>.
/// </summary>
public sealed record ImportMeasurementsCommand(string? Csv, bool Store, string? Reason) : ICommand<ImportResultDto>;

internal sealed class ImportMeasurementsHandler(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time) : ICommandHandler<ImportMeasurementsCommand, ImportResultDto>
{
    public const int MaxRows = 5000;
    public const int MaxLength = 1_000_000;
    private static readonly string[] Columns = ["focusgebied", "indicator", "periode", "waarde", "bron", "brondatum"];
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask<ImportResultDto> Handle(ImportMeasurementsCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Csv))
        {
            throw ProgrammeAccess.Invalid("bestand", "Het bestand is leeg. Kolommen: " + string.Join(";", Columns) + ".");
        }

        if (command.Csv.Length > MaxLength)
        {
            throw ProgrammeAccess.Invalid("bestand", $"Het bestand is te groot (ten hoogste {MaxLength / 1000} kB).");
        }

        var actor = current.Actor;
        var raw = Read(command.Csv);
        var areas = await db.Focusgebieden.AsNoTracking().ToListAsync(cancellationToken);
        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var current1 = await db.Set<Measurement>().AsNoTracking().Where(m => m.ReplacedAt == null)
            .Select(m => new { m.FocusgebiedCode, m.IndicatorCode, m.Period }).ToListAsync(cancellationToken);
        var existing = current1.Select(m => (m.FocusgebiedCode, m.IndicatorCode, m.Period)).ToHashSet();
        var seen = new Dictionary<(string, string, string), int>();
        var lines = new List<ImportRowDto>();
        var reasonGiven = !string.IsNullOrWhiteSpace(command.Reason);
        foreach (var (row, cells) in raw)
        {
            var problems = new List<string>();
            string Cell(int i) => i < cells.Count ? cells[i].Trim() : string.Empty;
            if (cells.Count != Columns.Length)
            {
                problems.Add($"De regel heeft {cells.Count} kolommen in plaats van {Columns.Length} ({string.Join(";", Columns)}).");
            }

            var areaText = Cell(0);
            var area = areas.FirstOrDefault(a => string.Equals(a.Code, areaText, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Name, areaText, StringComparison.OrdinalIgnoreCase));
            if (area is null)
            {
                problems.Add($"Onbekend focusgebied '{areaText}'.");
            }
            else if (!ProgrammeAccess.MayEdit(actor, area))
            {
                problems.Add($"U houdt de metingen van {area.Name} niet bij (dat doen de gemeente en het secretariaat van de alliantie).");
            }

            // By code, or by name: a national indicator or a local one of this row's area.
            var indicatorText = Cell(1);
            if (!indicators.TryGetValue(indicatorText, out var indicator))
            {
                indicator = indicators.Values.FirstOrDefault(i => string.Equals(i.Name, indicatorText, StringComparison.OrdinalIgnoreCase)
                    && (i.FocusgebiedCode is null || i.FocusgebiedCode == area?.Code));
            }

            if (indicator is null)
            {
                problems.Add($"Onbekende indicator '{indicatorText}'.");
            }
            else if (area is not null && indicator.FocusgebiedCode is { } local && local != area.Code)
            {
                problems.Add($"Indicator '{indicator.Code}' is een lokale indicator van een ander focusgebied.");
            }

            var period = Cell(2);
            if (!PeriodFormat.IsValid(period))
            {
                problems.Add(PeriodFormat.Message);
            }

            decimal? value = decimal.TryParse(Cell(3), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Dutch, out var v) && Math.Abs(v) <= 1_000_000_000m ? v : null;
            if (value is null)
            {
                problems.Add($"De waarde '{Cell(3)}' is geen getal (gebruik een komma voor decimalen, zoals 12,5).");
            }

            var source = Cell(4);
            if (source.Length == 0 || source.Length > 300)
            {
                problems.Add("Geef de bron (ten hoogste 300 tekens).");
            }

            DateOnly? sourceDate = DateOnly.TryParseExact(Cell(5), ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            if (sourceDate is null)
            {
                problems.Add($"De brondatum '{Cell(5)}' is geen datum (dd-mm-jjjj).");
            }

            var replaces = false;
            if (area is not null && indicator is not null && PeriodFormat.IsValid(period))
            {
                var key = (area.Code, indicator.Code, period);
                if (seen.TryGetValue(key, out var earlier))
                {
                    problems.Add($"Dezelfde indicator en periode staan ook op regel {earlier}.");
                }
                else
                {
                    seen[key] = row;
                }

                replaces = existing.Contains(key);
                if (replaces && !reasonGiven)
                {
                    problems.Add(ProgrammeCommandHandlers.ReplaceNeedsReason(period).Message);
                }
            }

            lines.Add(new ImportRowDto(row, area?.Code ?? NullIfEmpty(areaText), indicator?.Code ?? NullIfEmpty(indicatorText), NullIfEmpty(period), value, NullIfEmpty(source), sourceDate, replaces, problems));
        }

        if (lines.Count == 0)
        {
            throw ProgrammeAccess.Invalid("bestand", "Het bestand heeft geen regels onder de kopregel.");
        }

        if (lines.Count > MaxRows)
        {
            throw ProgrammeAccess.Invalid("bestand", $"Ten hoogste {MaxRows} regels per bestand.");
        }

        var withProblems = lines.Count(l => l.Problems.Count > 0);
        var result = new ImportResultDto(false, lines.Count, withProblems, lines.Count(l => l.Replaces), lines);
        if (!command.Store)
        {
            return result;
        }

        if (withProblems > 0)
        {
            var first = lines.First(l => l.Problems.Count > 0);
            throw ApiProblemException.Of(ProblemTypes.RuleViolation,
                $"Er is niets opgeslagen: {withProblems} van de {lines.Count} regels hebben een probleem (de eerste is regel {first.Row}: {first.Problems[0]}).",
                new Dictionary<string, object?> { ["rows"] = lines.Where(l => l.Problems.Count > 0).Select(l => new { row = l.Row, problems = l.Problems }).ToList() });
        }

        var now = time.GetUtcNow();
        foreach (var line in lines)
        {
            var replaced = line.Replaces
                ? await db.Set<Measurement>().Where(m => m.FocusgebiedCode == line.Focusgebied && m.IndicatorCode == line.Indicator && m.Period == line.Period && m.ReplacedAt == null).ToListAsync(cancellationToken)
                : [];
            await MeasurementStore.StoreAsync(db, audit, actor, current.DisplayName, now,
                new MeasurementRow(line.Focusgebied!, line.Indicator!, line.Period!, line.Value!.Value, line.Source!, line.SourceDate!.Value), command.Reason, replaced, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result with { Stored = true };
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>The data rows with their line numbers; the header row must name the columns.</summary>
    private static List<(int Row, List<string> Cells)> Read(string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        using var csv = new CsvParser(reader, config);
        var rows = new List<(int, List<string>)>();
        var header = true;
        while (csv.Read())
        {
            var cells = csv.Record?.ToList() ?? [];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (header)
            {
                header = false;
                var names = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
                if (!names.SequenceEqual(Columns))
                {
                    throw ProgrammeAccess.Invalid("bestand", "De kopregel moet de kolommen " + string.Join(";", Columns) + " noemen, in die volgorde.");
                }

                continue;
            }

            rows.Add((csv.Row, cells));
            if (rows.Count > MaxRows)
            {
                break;
            }
        }

        if (header)
        {
            throw ProgrammeAccess.Invalid("bestand", "Het bestand heeft geen kopregel. Kolommen: " + string.Join(";", Columns) + ".");
        }

        return rows;
    }
}
