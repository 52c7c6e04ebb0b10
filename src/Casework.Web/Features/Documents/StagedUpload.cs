using System.Globalization;
using System.Security.Cryptography;
using Casework.Web.Api;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Casework.Web.Features.Documents;

/// <summary>
/// An uploaded file staged on local disk while it streamed in, with what the server established about it: size,
/// SHA-256 and media type by content. Never held whole in memory; the command that stores it opens it again (a
/// replayed transaction reads it once more). Deleted on dispose; a staged file a crash left behind is swept at start
/// (<see cref="StagingSweeper"/>).
/// </summary>
internal sealed class StagedUpload : IAsyncDisposable
{
    private StagedUpload(string path, string fileName, long size, string sha256, string? format)
    {
        Path = path;
        FileName = fileName;
        Size = size;
        Sha256 = sha256;
        Format = format;
    }

    public string Path { get; }

    /// <summary>The file name as the client gave it (checked by <see cref="FileNameRules"/> in the command's validator).</summary>
    public string FileName { get; }

    public long Size { get; }

    public string Sha256 { get; }

    /// <summary>The media type by content, null when it is none of the allowed types.</summary>
    public string? Format { get; }

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan | FileOptions.Asynchronous);

    /// <summary>Streams <paramref name="content"/> to a staged file, stopping as soon as it passes <paramref name="maxBytes"/> (413, nothing kept).</summary>
    public static async Task<StagedUpload> StageAsync(Stream content, string fileName, string folder, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N") + ".upload");
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var format = size == 0 ? null : ContentSniffer.Sniff(path, fileName);
            return new StagedUpload(path, fileName, size, sha, format);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public static ApiProblemException TooLarge(long maxBytes) => ApiProblemException.Of(
        ProblemTypes.PayloadTooLarge,
        $"Het bestand is groter dan {FormatSize(maxBytes)}, de grens per bestand (regel DOCUMENT-TE-GROOT; ontwerpkeuze, instelbaar als Documents:MaxFileBytes).",
        new Dictionary<string, object?> { ["rule"] = "DOCUMENT-TE-GROOT", ["maxBytes"] = maxBytes });

    public static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"{bytes / (1024.0 * 1024.0):0.#} MiB")
        : bytes >= 1024 ? string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"{bytes / 1024.0:0.#} KiB") : $"{bytes} bytes";

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The form of an upload: its text fields and its one staged file.</summary>
internal sealed record UploadForm(IReadOnlyDictionary<string, string> Fields, StagedUpload? File) : IAsyncDisposable
{
    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public ValueTask DisposeAsync() => File?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>
/// Reads a <c>multipart/form-data</c> request section by section (<see cref="MultipartReader"/>), so a file streams to
/// disk and is never buffered whole: small text fields, and exactly one file part named <c>bestand</c>.
/// </summary>
internal static class MultipartUpload
{
    public const string FilePart = "bestand";
    private const int MaxFields = 20;
    private const int MaxFieldLength = 8000;

    public static async Task<UploadForm> ReadAsync(HttpRequest request, DocumentOptions options, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw ApiProblemException.Of(ProblemTypes.UnsupportedMediaType, "Stuur een document als multipart/form-data met het bestand in het deel 'bestand'.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        StagedUpload? file = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw Invalid("form", "Elk deel van het formulier heeft een Content-Disposition: form-data.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition())
                {
                    if (name != FilePart || file is not null)
                    {
                        throw Invalid(FilePart, "Stuur precies één bestand, in het deel 'bestand'.");
                    }

                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value! : HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? string.Empty;
                    file = await StagedUpload.StageAsync(section.Body, fileName, options.StagingFolder, options.MaxFileBytes, ct);
                    continue;
                }

                if (fields.Count >= MaxFields)
                {
                    throw Invalid("form", "Te veel velden in het formulier.");
                }

                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldLength + 1];
                var length = await text.ReadBlockAsync(buffer, ct);
                if (length > MaxFieldLength)
                {
                    throw Invalid(name, $"Het veld '{name}' is te lang.");
                }

                fields[name] = new string(buffer, 0, length);
            }
        }
        catch (IOException) when (!ct.IsCancellationRequested && file is null)
        {
            // A malformed multipart body (a boundary that never comes, a section header too long).
            throw ApiProblemException.Of(ProblemTypes.BadRequest, "Het formulier kon niet worden gelezen (multipart/form-data).");
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }

            throw;
        }

        return new UploadForm(fields, file);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>Removes staged uploads a crashed host left behind (older than a day, so no running upload is touched).</summary>
internal sealed partial class StagingSweeper(DocumentOptions options, TimeProvider time, ILogger<StagingSweeper> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Sweep(TimeSpan.FromDays(1));
        return Task.CompletedTask;
    }

    public int Sweep(TimeSpan olderThan)
    {
        var folder = options.StagingFolder;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var swept = 0;
        var cutOff = time.GetUtcNow().UtcDateTime - olderThan;
        foreach (var file in Directory.EnumerateFiles(folder, "*.upload"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutOff)
                {
                    File.Delete(file);
                    swept++;
                }
            }
            catch (IOException e)
            {
                LogSweepFailed(e, file);
            }
        }

        return swept;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep the staged upload {File}")]
    private partial void LogSweepFailed(Exception exception, string file);
}
