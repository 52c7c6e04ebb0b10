using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;

namespace Casework.Web.Features.Letters;

/// <summary>Everything a letter shows, already in Dutch.</summary>
public sealed record LetterContent(
    string Sender,
    IReadOnlyList<string> Addressee,
    string Kenmerk,
    DateOnly Date,
    string Subject,
    IReadOnlyList<LetterBlock> Blocks,
    IReadOnlyList<string> Signature);

/// <summary>
/// Lays a letter out on A4 pages with PDFsharp: sender, addressee, date, kenmerk and subject, the body wrapped to
/// the text width, the signature block, and on every page "Pagina n van m" with the kenmerk. The document is marked
/// PDF/A with PDFsharp's <c>SetPdfA</c> (see ADR-014 for what that does and does not guarantee); fonts are embedded.
/// </summary>
public static class LetterPdf
{
    private const double Left = 70;
    private const double Right = 60;
    private const double Top = 60;
    private const double Bottom = 70;
    private const double BodySize = 10.5;

    public static byte[] Render(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        LetterFonts.EnsureInstalled();

        // PDFsharp's tagging (UAManager) only draws on the current page, so the footer ("Pagina n van m") is drawn on each
        // page as it is opened: a first pass counts the pages, the second draws them with the count known.
        int pages;
        using (var count = Build(letter, null))
        {
            pages = count.PageCount;
        }

        using var document = Build(letter, pages);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static PdfDocument Build(LetterContent letter, int? pages)
    {
        var document = new PdfDocument();
        document.SetPdfA();
        document.Info.Title = letter.Subject;
        document.Info.Subject = letter.Kenmerk;
        document.Info.Author = letter.Sender;
        document.Language = "nl-NL";

        // PDF/A from PDFsharp means a tagged PDF: every text drawn must sit in a structure element (or be an artifact).
        var structure = UAManager.ForDocument(document).StructureBuilder;

        var regular = new XFont(LetterFonts.Family, BodySize, XFontStyleEx.Regular);
        var bold = new XFont(LetterFonts.Family, BodySize, XFontStyleEx.Bold);
        var small = new XFont(LetterFonts.Family, 8.5, XFontStyleEx.Regular);
        var lineHeight = BodySize * 1.45;

        var layout = new Layout(document, structure, lineHeight, pages is { } total ? (gfx, page, number) =>
        {
            var y = page.Height.Point - Bottom + 25;
            structure.BeginArtifact();
            gfx.DrawString($"Pagina {number} van {total}", small, XBrushes.Black, new XPoint(Left, y), XStringFormats.TopLeft);
            gfx.DrawString("Kenmerk " + letter.Kenmerk, small, XBrushes.Black, new XRect(Left, y, page.Width.Point - Left - Right, 12), XStringFormats.TopRight);
            structure.End();
        } : null);
        _ = layout.Start();
        structure.BeginElement(PdfGroupingElementTag.Document);
        layout.Line(letter.Sender, bold);
        layout.Gap(2);
        foreach (var line in letter.Addressee)
        {
            layout.Line(line, regular);
        }

        layout.Gap(2);
        layout.Line("Datum: " + Dutch(letter.Date), regular);
        layout.Line("Kenmerk: " + letter.Kenmerk, regular);
        layout.Wrapped("Onderwerp: " + letter.Subject, bold, 0);
        layout.Gap(1.5);
        foreach (var block in letter.Blocks)
        {
            switch (block.Kind)
            {
                case LetterBlockKind.Heading:
                    layout.Gap(0.5);
                    layout.Wrapped(block.Text, bold, 0, keepWithNext: true);
                    break;
                case LetterBlockKind.Bullet:
                    layout.Wrapped("•", regular, 0, advance: false);
                    layout.Wrapped(block.Text, regular, 14);
                    layout.Gap(0.3);
                    break;
                default:
                    layout.Wrapped(block.Text, regular, 0);
                    layout.Gap(0.6);
                    break;
            }
        }

        layout.Gap(1);
        foreach (var line in letter.Signature)
        {
            layout.Line(line, regular);
        }

        structure.End();
        layout.Finish();
        return document;
    }

    public static string Dutch(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>Writes lines top-down, adding a page when the next line would run into the footer.</summary>
    private sealed class Layout(PdfDocument document, StructureBuilder structure, double lineHeight, Action<XGraphics, PdfPage, int>? footer)
    {
        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y;

        private XGraphics Gfx => _gfx ?? NewPage();

        public XGraphics Start() => Gfx;

        private void Draw(string text, XFont font, double x, double y)
        {
            structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            _gfx!.DrawString(text, font, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);
            structure.End();
        }

        private double Width => _page!.Width.Point - Left - Right;

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            footer?.Invoke(_gfx, _page, document.PageCount);
            _y = Top;
            return _gfx;
        }

        public void Gap(double lines) => _y += lines * lineHeight * 0.6;

        public void Line(string text, XFont font)
        {
            EnsureRoom(1);
            Draw(text, font, Left, _y);
            _y += lineHeight;
        }

        public void Wrapped(string text, XFont font, double indent, bool keepWithNext = false, bool advance = true)
        {
            var gfx = Gfx;
            var lines = Wrap(gfx, text, font, Width - indent);
            EnsureRoom(keepWithNext ? lines.Count + 2 : Math.Min(lines.Count, 2));
            var y = _y;
            foreach (var line in lines)
            {
                if (y + lineHeight > _page!.Height.Point - Bottom)
                {
                    NewPage();
                    y = _y;
                }

                Draw(line, font, Left + indent, y);
                y += lineHeight;
            }

            if (advance)
            {
                _y = y;
            }
        }

        private void EnsureRoom(int lines)
        {
            _ = Gfx;
            if (_y + (lines * lineHeight) > _page!.Height.Point - Bottom)
            {
                NewPage();
            }
        }

        public void Finish() => _gfx?.Dispose();

        private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }

            return lines;
        }
    }
}
