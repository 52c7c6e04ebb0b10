namespace Casework.Domain.Organisations;

/// <summary>
/// One of the 20 stedelijke focusgebieden of the NPLV (2022), with its gemeente, its local alliance
/// and the department of the alliance's rijksvertegenwoordiger (not yet named for some).
/// </summary>
public sealed class Focusgebied
{
    private Focusgebied()
    {
        Code = string.Empty;
        Name = string.Empty;
        GemeenteCode = string.Empty;
        AllianceCode = string.Empty;
    }

    public Focusgebied(string code, string name, string gemeenteCode, string allianceCode, string? rijksvertegenwoordigerDepartment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!GemeenteCodes.IsValid(gemeenteCode))
        {
            throw new ArgumentException($"'{gemeenteCode}' is not a CBS gemeente code.", nameof(gemeenteCode));
        }

        Code = code;
        Name = name;
        GemeenteCode = gemeenteCode;
        AllianceCode = allianceCode;
        RijksvertegenwoordigerDepartment = string.IsNullOrWhiteSpace(rijksvertegenwoordigerDepartment) ? null : rijksvertegenwoordigerDepartment;
    }

    /// <summary>Kebab-case slug of the name, e.g. <c>rotterdam-zuid</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string GemeenteCode { get; private set; }

    /// <summary>The alliance organisation of this focusgebied.</summary>
    public string AllianceCode { get; private set; }

    /// <summary>Department code of the rijksvertegenwoordiger; null where the source names none yet.</summary>
    public string? RijksvertegenwoordigerDepartment { get; private set; }

    public static string Slug(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = new string(chars);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-');
    }
}
