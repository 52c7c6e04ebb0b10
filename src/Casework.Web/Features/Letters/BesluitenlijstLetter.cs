using System.Globalization;
using Casework.Web.Infrastructure.Export;

namespace Casework.Web.Features.Letters;

/// <summary>
/// The besluitenlijst of a meeting as a PDF in the letters' layout (kenmerk, date, page numbers, PDF/A): per agenda
/// item its number, case and subject as a heading, then every filled-in column of the same table the CSV and Excel
/// downloads hold ("Uitkomst: ...", "Besluit: ..."), so the three forms never disagree. A besluitenlijst records what
/// an overleg agreed; those are no besluiten in the sense of Awb 1:3 (no legal effect for a party), so it carries no
/// rechtsmiddelenclausule.
/// </summary>
public static class BesluitenlijstLetter
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The columns that make up an item's heading rather than a line of its own.</summary>
    private static readonly HashSet<string> HeadingColumns = new(StringComparer.Ordinal) { "Nr.", "Zaaknummer", "Onderwerp" };

    public static byte[] Render(ExportTable table, string bodyName, DateOnly meetingDate, string? meetingTitle)
    {
        ArgumentNullException.ThrowIfNull(table);
        var blocks = new List<LetterBlock>
        {
            new(LetterBlockKind.Paragraph, $"Besluitenlijst van de vergadering van het {bodyName} op {LetterPdf.Dutch(meetingDate)}{(string.IsNullOrWhiteSpace(meetingTitle) ? string.Empty : $" ({meetingTitle.Trim()})")}."),
        };
        if (table.Rows.Count == 0)
        {
            blocks.Add(new(LetterBlockKind.Paragraph, "Er stonden geen punten op de agenda die u kunt inzien."));
        }

        foreach (var row in table.Rows)
        {
            string? Cell(string header) => table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Header == header).Select(x => Text(row[x.i])).FirstOrDefault();
            blocks.Add(new(LetterBlockKind.Heading, string.Join(" ", new[] { Cell("Nr.") is { } nr ? $"Punt {nr}:" : null, Cell("Zaaknummer"), Cell("Onderwerp") is { } subject ? $"– {subject}" : null }.Where(p => p is not null))));
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var header = table.Columns[i].Header;
                if (!HeadingColumns.Contains(header) && Text(row[i]) is { Length: > 0 } value)
                {
                    blocks.Add(new(LetterBlockKind.Bullet, $"{header}: {value}"));
                }
            }
        }

        var content = new LetterContent(
            $"Secretariaat van het {bodyName}",
            [$"De leden van het {bodyName}"],
            table.Title,
            meetingDate,
            $"Besluitenlijst {bodyName} {LetterPdf.Dutch(meetingDate)}",
            blocks,
            [$"Het secretariaat van het {bodyName}"]);
        return LetterPdf.Render(content);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly date => LetterPdf.Dutch(date),
        IFormattable formattable => formattable.ToString(null, Dutch),
        _ => value.ToString()?.Trim(),
    };
}
