using System.IO.Compression;
using System.Text;

namespace Casework.Web.Features.Documents;

/// <summary>
/// Tells a file's media type from its bytes (magic numbers, and for the zip-based office formats the parts inside),
/// never from its name or the client's header. Only the types of <see cref="Allowed"/> are recognised; anything else
/// (an executable, HTML, a zip of something else) is null.
/// </summary>
internal static class ContentSniffer
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Odt = "application/vnd.oasis.opendocument.text";
    public const string Ods = "application/vnd.oasis.opendocument.spreadsheet";
    public const string Csv = "text/csv";
    public const string Text = "text/plain";

    /// <summary>Media type, its Dutch name and the file name extensions that belong to it.</summary>
    public static IReadOnlyList<(string MediaType, string Label, string[] Extensions)> Allowed { get; } =
    [
        (Pdf, "PDF", [".pdf"]),
        (Png, "PNG-afbeelding", [".png"]),
        (Jpeg, "JPEG-afbeelding", [".jpg", ".jpeg"]),
        (Docx, "Word-document (DOCX)", [".docx"]),
        (Xlsx, "Excel-werkmap (XLSX)", [".xlsx"]),
        (Odt, "OpenDocument-tekst (ODT)", [".odt"]),
        (Ods, "OpenDocument-rekenblad (ODS)", [".ods"]),
        (Csv, "CSV-bestand", [".csv"]),
        (Text, "tekstbestand", [".txt"]),
    ];

    public static string AllowedList => string.Join(", ", ["PDF", "PNG", "JPEG", "DOCX", "XLSX", "ODT", "ODS", "CSV", "platte tekst"]);

    public static string LabelOf(string mediaType) => Allowed.FirstOrDefault(a => a.MediaType == mediaType).Label ?? mediaType;

    /// <summary>The media type the extension of <paramref name="fileName"/> names, if it is one of ours.</summary>
    public static string? TypeOfExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return Allowed.FirstOrDefault(a => a.Extensions.Contains(extension)).MediaType;
    }

    /// <summary>The media type of the file's content, or null when it is none of the allowed types.</summary>
    public static string? Sniff(string path, string fileName)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[8];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            file.Position = 0;
            return SniffZip(file);
        }

        file.Position = 0;
        if (IsText(file))
        {
            // Text has no magic number: the content says "text", the name only chooses between the two text types.
            return TypeOfExtension(fileName) == Csv ? Csv : Text;
        }

        return null;
    }

    /// <summary>OpenDocument: a first entry 'mimetype' naming the type; Office Open XML: its content types and main part.</summary>
    private static string? SniffZip(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var first = zip.Entries.Count > 0 ? zip.Entries[0] : null;
            if (first is { FullName: "mimetype", Length: < 100 })
            {
                using var reader = new StreamReader(first.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() switch
                {
                    Odt => Odt,
                    Ods => Ods,
                    _ => null,
                };
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }

            return zip.GetEntry("xl/workbook.xml") is not null ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8 (a BOM allowed) without control characters other than tab, line feed, carriage return and form feed.</summary>
    private static bool IsText(Stream file)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        int read;
        while ((read = file.Read(bytes, 0, bytes.Length)) > 0)
        {
            int count;
            try
            {
                count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            foreach (var c in chars.AsSpan(0, count))
            {
                if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                {
                    return false;
                }
            }
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return true;
    }
}
