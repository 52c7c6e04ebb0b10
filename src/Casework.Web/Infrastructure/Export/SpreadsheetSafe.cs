using System.Globalization;
using CsvHelper.Configuration;

namespace Casework.Web.Infrastructure.Export;

/// <summary>
/// The one place every spreadsheet-bound export (CSV today, Excel later) takes its cells through, so that text a
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
}
