using PdfSharp.Fonts;

namespace Casework.Web.Features.Letters;

/// <summary>
/// The fonts of a letter: DejaVu Sans (regular and bold), embedded in the assembly from
/// <c>Features/Letters/Fonts</c> (Bitstream Vera licence, see LICENSE-DejaVu.txt there), so a letter renders the
/// same on any host from a fresh clone, with no font installed. PDFsharp's Core build has no access to system fonts.
/// </summary>
internal sealed class LetterFonts : IFontResolver
{
    public const string Family = "Casework Letter";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process; PDFsharp's font settings are global.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not LetterFonts)
            {
                GlobalFontSettings.FontResolver = new LetterFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream($"Casework.Letters.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
