namespace Casework.Web.Features.Documents;

/// <summary>
/// A file name is kept as given or refused, never silently changed: no path parts, no control characters, none of the
/// characters Windows refuses, not '.' or '..', at most 255 characters.
/// </summary>
internal static class FileNameRules
{
    public const int MaxLength = 255;
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("/\\:*?\"<>|");
    private static readonly System.Buffers.SearchValues<char> PathSeparators = System.Buffers.SearchValues.Create("/\\");

    /// <summary>Why the name is refused, or null when it is fine.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Het bestand heeft geen naam (regel DOCUMENT-NAAM).";
        }

        if (name.Length > MaxLength)
        {
            return $"De bestandsnaam is langer dan {MaxLength} tekens (regel DOCUMENT-NAAM).";
        }

        if (name.AsSpan().IndexOfAny(PathSeparators) >= 0 || name is "." or "..")
        {
            return "De bestandsnaam bevat een pad (een / of \\); geef alleen de naam van het bestand (regel DOCUMENT-NAAM).";
        }

        if (name.Any(char.IsControl))
        {
            return "De bestandsnaam bevat een stuurteken (regel DOCUMENT-NAAM).";
        }

        if (name.AsSpan().IndexOfAny(Forbidden) >= 0)
        {
            return "De bestandsnaam bevat een teken dat niet in een bestandsnaam mag (: * ? \" < > |) (regel DOCUMENT-NAAM).";
        }

        return name != name.Trim() || name.EndsWith('.') ? "De bestandsnaam begint of eindigt met een spatie of eindigt met een punt (regel DOCUMENT-NAAM)." : null;
    }

    /// <summary>An ASCII-only stand-in for the Content-Disposition <c>filename</c> parameter (the UTF-8 <c>filename*</c> carries the real name).</summary>
    public static string AsciiFallback(string name)
    {
        var chars = name.Select(c => c is >= ' ' and <= '~' && c is not ('"' or '\\' or '/' or ';' or '%') ? c : '_').ToArray();
        return new string(chars);
    }
}
