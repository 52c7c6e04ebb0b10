using System.Globalization;

namespace Casework.Web.Features.Cases;

/// <summary>How the case page reads amounts and scores as people type them (writing them: <see cref="Pages.NlFormat"/>).</summary>
public static class CaseFormat
{
    /// <summary>
    /// A money or score amount as a person types it: "5000000", "5.000.000", "5.000.000,50", "7,5" or "7.5".
    /// A comma is the decimal separator; dots are thousands separators unless the dot is the only separator and
    /// is followed by one or two digits (then it is a decimal point).
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Replace("€", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal).Trim();
        if (s.Contains(',', StringComparison.Ordinal))
        {
            s = s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        else if (s.Count(c => c == '.') > 1 || (s.LastIndexOf('.') is var dot and >= 0 && s.Length - dot - 1 == 3))
        {
            s = s.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
