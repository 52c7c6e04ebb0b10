namespace Casework.Web.Features.Documents;

/// <summary>Configuration section <c>Documents</c>: the limits of the dossier (docs/design.md, "Documents").</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Largest file one upload may carry (default 25 MiB).</summary>
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Most documents one case may hold (versions of a document count once; default 50).</summary>
    public int MaxDocumentsPerCase { get; set; } = 50;

    /// <summary>
    /// Where an upload is staged while it streams in, before its command stores it in the database (ADR-013). Default: a
    /// folder under the system's temp folder. Staged files older than a day are swept at start.
    /// </summary>
    public string? StagingPath { get; set; }

    public string StagingFolder => string.IsNullOrWhiteSpace(StagingPath) ? Path.Combine(Path.GetTempPath(), "casework-uploads") : StagingPath;
}
