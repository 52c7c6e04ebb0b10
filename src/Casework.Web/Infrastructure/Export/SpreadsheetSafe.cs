using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Casework.Web.Infrastructure.Export;

/// <summary>
/// The one place every spreadsheet-bound export (CSV and Excel, <see cref="TableExport"/>) takes its cells through, so that text a
/// user typed (a knelpunt's title, a besluit) is never run as a formula when a secretary opens the file
/// (OWASP "CSV Injection"). A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return is neutralised: it gets a leading apostrophe, so the spreadsheet shows it as text. An architecture test
/// keeps every <c>new CsvWriter</c> in src on <see cref="ForCsv"/>.
/// </summary>
internal static class SpreadsheetSafe
{
    /// <summary>The characters with which a spreadsheet program starts a formula (or a DDE command).</summary>
    private static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Prefixed to a cell that would otherwise start a formula; spreadsheets show the rest as text.</summary>
    public const char EscapeCharacter = '\'';

    /// <summary>
    /// CsvHelper's configuration for every export: its own injection escaping on, with the same triggers and the
    /// same escape as <see cref="Neutralise"/>. CsvHelper quotes an escaped field, so a quote or a separator inside
    /// it cannot end the cell early and start a formula in the next one.
    /// </summary>
    public static CsvConfiguration ForCsv(CultureInfo? culture = null) => new(culture ?? CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = [.. FormulaTriggers],
        InjectionEscapeCharacter = EscapeCharacter,
    };

    /// <summary>
    /// The text of one cell for a writer that does no escaping of its own (an Excel cell written as a formula-capable
    /// value): a cell that would start a formula gets <see cref="EscapeCharacter"/> in front; anything else is unchanged.
    /// </summary>
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) || Array.IndexOf(FormulaTriggers, value[0]) < 0 ? value ?? string.Empty : EscapeCharacter + value;

    /// <summary>
    /// A number as an export formats it (<c>-1.250,50</c>, <c>42</c>): an optional minus, digits with group separators,
    /// an optional decimal part. Such a cell is a value, not a formula; <c>-2+3</c> or <c>-A1</c> is not one.
    /// </summary>
    public static bool IsPlainNumber(string value, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var digits = value.StartsWith('-') ? value.AsSpan(1) : value.AsSpan();
        var group = culture.NumberFormat.NumberGroupSeparator;
        var decimals = culture.NumberFormat.NumberDecimalSeparator;
        if (digits.IsEmpty || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[^1]))
        {
            return false;
        }

        var seenDecimal = false;
        foreach (var ch in digits)
        {
            if (char.IsAsciiDigit(ch) || (!seenDecimal && group.Length == 1 && ch == group[0]))
            {
                continue;
            }

            if (!seenDecimal && decimals.Length == 1 && ch == decimals[0])
            {
                seenDecimal = true;
                continue;
            }

            return false;
        }

        return true;
    }
}

/// <summary>
/// A <see cref="CsvWriter"/> (built on <see cref="SpreadsheetSafe.ForCsv"/>, which the architecture test checks at
/// every construction) that can also write a number the export formatted itself: a negative amount starts with a
/// minus, which the escaping would otherwise turn into the text <c>'-1.250,00</c>. Only a cell written with
/// <see cref="WriteNumber"/> that is a plain number (<see cref="SpreadsheetSafe.IsPlainNumber"/>) passes as it is;
/// every other cell is escaped as usual.
/// </summary>
internal sealed class SpreadsheetSafeCsvWriter(TextWriter writer, CsvConfiguration configuration) : CsvWriter(writer, configuration)
{
    private readonly CultureInfo _culture = configuration.CultureInfo;
    private bool _writingNumber;

    public void WriteNumber(string formatted)
    {
        _writingNumber = true;
        try
        {
            WriteField(formatted);
        }
        finally
        {
            _writingNumber = false;
        }
    }

    protected override string? SanitizeForInjection(string? field) =>
        _writingNumber && field is not null && SpreadsheetSafe.IsPlainNumber(field, _culture) ? field : base.SanitizeForInjection(field);
}
