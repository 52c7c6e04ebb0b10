using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Documents;

/// <summary>
/// The real app with a small file limit (64 KiB) and a staging folder of its own, so a test can see that a refused or
/// broken upload leaves nothing behind: no row, no stored content, no staged file.
/// </summary>
public sealed class DossierHost : IAsyncDisposable
{
    public const int MaxFileBytes = 64 * 1024;

    public DossierHost(string? postgresConnectionString = null, string? databasePath = null, bool keepDatabase = false, int maxFileBytes = MaxFileBytes)
    {
        StagingPath = Path.Combine(Path.GetTempPath(), "casework-tests", "staging-" + Guid.NewGuid().ToString("N"));
        Factory = databasePath is null
            ? new CaseworkWebFactory { PostgresConnectionString = postgresConnectionString, KeepDatabase = keepDatabase }
            : new CaseworkWebFactory(databasePath) { PostgresConnectionString = postgresConnectionString, KeepDatabase = keepDatabase };
        Factory.Settings["Documents:MaxFileBytes"] = maxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Factory.Settings["Documents:StagingPath"] = StagingPath;
    }

    public CaseworkWebFactory Factory { get; }

    public string StagingPath { get; }

    public Task<HttpClient> AsAsync(string organisation, params Role[] roles) => Factory.SignInAsync(organisation, roles);

    public static byte[] Pdf(int size = 3000, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png(int size = 2000, int seed = 2)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    public static MultipartFormDataContent Form(byte[] content, string fileName, string? type = "projectplan", string? title = null, string? vertrouwelijkheid = null, string? fileNameStar = null)
    {
        var form = new MultipartFormDataContent();
        if (type is not null)
        {
            form.Add(new StringContent(type, Encoding.UTF8), "informatieobjecttype");
        }

        if (title is not null)
        {
            form.Add(new StringContent(title, Encoding.UTF8), "titel");
        }

        if (vertrouwelijkheid is not null)
        {
            form.Add(new StringContent(vertrouwelijkheid, Encoding.UTF8), "vertrouwelijkheidaanduiding");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"bestand\"" };
        if (fileNameStar is not null)
        {
            file.Headers.ContentDisposition.FileNameStar = fileNameStar;
        }
        else
        {
            file.Headers.ContentDisposition.FileName = "\"" + fileName + "\"";
        }

        form.Add(file);
        return form;
    }

    public static async Task<JsonElement> UploadAsync(HttpClient client, string url, byte[] content, string fileName, string type = "projectplan", string? vertrouwelijkheid = null)
    {
        var response = await client.PostAsync(url, Form(content, fileName, type, vertrouwelijkheid: vertrouwelijkheid));
        await HttpAssert.StatusAsync(System.Net.HttpStatusCode.Created, response);
        return await response.ReadJsonAsync();
    }

    /// <summary>Posts a new version of a document, replacing version <paramref name="ifMatch"/> (If-Match; none when null).</summary>
    public static async Task<HttpResponseMessage> NewVersionAsync(HttpClient client, Guid documentId, byte[] content, string fileName, int? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{documentId}/versions") { Content = Form(content, fileName, type: null) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return await client.SendAsync(request);
    }

    public async Task<Guid> PlanMeetingAsync(string body = "SBSD")
    {
        using var secretary = await AsAsync(body, Role.Secretaris);
        var response = await secretary.PostAsJsonAsync("/api/v1/meetings", new { body, date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await HttpAssert.StatusAsync(System.Net.HttpStatusCode.Created, response);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public async Task<T> DbAsync<T>(Func<Casework.Web.Persistence.CaseworkDbContext, Task<T>> work)
    {
        await using var scope = Factory.CreateScope();
        return await work(CaseworkWebFactory.Db(scope));
    }

    /// <summary>Documents, versions, stored contents and chunks, and staged files: all must be zero after a refusal.</summary>
    public async Task<(int Documents, int Versions, int Contents, int Chunks, int Staged)> LeftoversAsync() => (
        await DbAsync(db => db.Set<Casework.Domain.Documents.Document>().CountAsync()),
        await DbAsync(db => db.Set<Casework.Domain.Documents.DocumentVersion>().CountAsync()),
        await DbAsync(db => db.Set<Casework.Web.Features.Documents.DocumentContent>().CountAsync()),
        await DbAsync(db => db.Set<Casework.Web.Features.Documents.DocumentContentChunk>().CountAsync()),
        Directory.Exists(StagingPath) ? Directory.GetFiles(StagingPath).Length : 0);

    public async Task SetStateAsync(Guid caseId, string state) =>
        await DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Cases\" SET \"State\" = {state} WHERE \"Id\" = {caseId}"));

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }
}
