using System.Globalization;
using System.Text;
using Casework.Domain.Time;
using ClosedXML.Excel;

namespace Casework.Web.Infrastructure.Export;

/// <summary>The two forms a list is downloaded in.</summary>
public enum ExportFormat
{
    /// <summary>An Excel workbook (.xlsx): typed cells, a bold and frozen header row.</summary>
    Excel,

    /// <summary>CSV as a Dutch Excel opens it: semicolons, UTF-8 with a byte order mark, Dutch dates and numbers.</summary>
    Csv,
}

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV or as an Excel workbook, both the way a Dutch reader expects them: the
/// headers and labels of the page, dates as 23-11-2026, amounts as 1.234,50. Every text cell goes through
/// <see cref="SpreadsheetSafe"/>, so what a user typed never runs as a formula.
/// </summary>
public static class TableExport
{
    /// <summary>How many rows a download holds at most; a list that is longer is cut off there (the page says so).</summary>
    public const int MaxRows = 5000;

    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The query value that names a format (<c>formaat=xlsx</c>, <c>formaat=csv</c>); null when it names none.</summary>
    public static ExportFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "xlsx" or "excel" => ExportFormat.Excel,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    public static string Extension(ExportFormat format) => format == ExportFormat.Excel ? "xlsx" : "csv";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Excel
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static byte[] Write(ExportTable table, ExportFormat format) => format == ExportFormat.Excel ? ToExcel(table) : ToCsv(table);

    /// <summary>
    /// CSV for a Dutch Excel: a semicolon between cells (a comma is the decimal separator there), UTF-8 with a byte
    /// order mark (without it Excel reads the file as Windows-1252 and garbles é and ë), CRLF line ends.
    /// </summary>
    public static byte[] ToCsv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new SpreadsheetSafeCsvWriter(text, SpreadsheetSafe.ForCsv(Dutch) with { Delimiter = ";", NewLine = "\r\n" }))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Header);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var kind = table.Columns[i].Kind;
                    var value = CsvText(kind, row[i]);
                    if (kind is ExportCellKind.WholeNumber or ExportCellKind.Number or ExportCellKind.Money)
                    {
                        csv.WriteNumber(value);
                    }
                    else
                    {
                        csv.WriteField(value);
                    }
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// An Excel workbook of one sheet: the header row bold, frozen and filterable; dates and amounts as real date and
    /// number cells (so they sort and add up) with a Dutch display; each column as wide as its longest cell.
    /// </summary>
    public static byte[] ToExcel(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ToExcel([table]);
    }

    /// <summary>A workbook of several sheets, one per table (e.g. a report's sections), each laid out as <see cref="ToExcel(ExportTable)"/>.</summary>
    public static byte[] ToExcel(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            WriteSheet(workbook.Worksheets.Add(SheetName(table.Title)), table);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteSheet(IXLWorksheet sheet, ExportTable table)
    {
        var widths = new int[table.Columns.Count];
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var header = sheet.Cell(1, c + 1);
            header.SetValue(SpreadsheetSafe.Neutralise(table.Columns[c].Header));
            header.DataType = XLDataType.Text;
            widths[c] = table.Columns[c].Header.Length;
        }

        var headerRow = sheet.Range(1, 1, 1, table.Columns.Count);
        headerRow.Style.Font.Bold = true;
        headerRow.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDD, 0xE7, 0xF0);

        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var kind = table.Columns[c].Kind;
                var value = table.Rows[r][c];
                if (value is null)
                {
                    continue;
                }

                var cell = sheet.Cell(r + 2, c + 1);
                switch (kind)
                {
                    case ExportCellKind.Date:
                        cell.SetValue(((DateOnly)value).ToDateTime(TimeOnly.MinValue));
                        cell.Style.DateFormat.Format = "dd-mm-yyyy";
                        break;
                    case ExportCellKind.DateTime:
                        cell.SetValue(TimeZoneInfo.ConvertTime((DateTimeOffset)value, AmsterdamClock.TimeZone).DateTime);
                        cell.Style.DateFormat.Format = "dd-mm-yyyy hh:mm";
                        break;
                    case ExportCellKind.WholeNumber:
                        cell.SetValue((int)value);
                        cell.Style.NumberFormat.Format = "0";
                        break;
                    case ExportCellKind.Number:
                        cell.SetValue((decimal)value);
                        cell.Style.NumberFormat.Format = "#,##0.##";
                        break;
                    case ExportCellKind.Money:
                        cell.SetValue((decimal)value);
                        cell.Style.NumberFormat.Format = "€ #,##0.00;€ -#,##0.00";
                        break;
                    default:
                        cell.SetValue(SpreadsheetSafe.Neutralise((string)value));
                        cell.DataType = XLDataType.Text;
                        break;
                }

                widths[c] = Math.Max(widths[c], CsvText(kind, value).Length + (kind == ExportCellKind.Money ? 2 : 0));
            }
        }

        // Widths from the text itself: ClosedXML's AdjustToContents measures with GDI+ fonts, which a server lacks.
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 80);
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, table.Rows.Count + 1), table.Columns.Count).SetAutoFilter();
    }

    /// <summary>
    /// A file name that is safe everywhere and still says what it is: the title in lower case, words joined by hyphens,
    /// only a-z, 0-9 and hyphens (accents dropped: "Besluitenlijst SBSD 14-12-2026" is <c>besluitenlijst-sbsd-14-12-2026</c>).
    /// </summary>
    public static string FileName(string title, ExportFormat format)
    {
        var plain = new StringBuilder();
        foreach (var ch in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(ch);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                plain.Append(lower);
            }
            else if (plain.Length > 0 && plain[^1] != '-')
            {
                plain.Append('-');
            }
        }

        var name = plain.ToString().Trim('-');
        if (name.Length > 80)
        {
            name = name[..80].TrimEnd('-');
        }

        return (name.Length == 0 ? "export" : name) + "." + Extension(format);
    }

    /// <summary>How a cell reads in the CSV (and how wide it is in the workbook).</summary>
    private static string CsvText(ExportCellKind kind, object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        int number => number.ToString("0", Dutch),
        decimal amount when kind == ExportCellKind.Money => amount.ToString("#,##0.00", Dutch),
        decimal number => number.ToString("#,##0.##", Dutch),
        DateOnly date => date.ToString("dd-MM-yyyy", Dutch),
        DateTimeOffset instant => TimeZoneInfo.ConvertTime(instant, AmsterdamClock.TimeZone).ToString("dd-MM-yyyy HH:mm", Dutch),
        _ => throw new InvalidOperationException($"No CSV form for a {value.GetType().Name}."),
    };

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Select(ch => "[]:*?/\\'".Contains(ch, StringComparison.Ordinal) ? ' ' : ch).ToArray()).Trim();
        if (name.Length > 31)
        {
            name = name[..31].TrimEnd();
        }

        return name.Length == 0 ? "Export" : name;
    }
}
