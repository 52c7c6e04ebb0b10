using System.Net;
using System.Security.Cryptography;
using Casework.Domain.Access;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Postgres;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Documents.DossierHost;

namespace Casework.Web.Tests.Documents;

/// <summary>Two hosts on one PostgreSQL database: the content is in the database, so each reads what the other stored (ADR-013).</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresDossierTests(PostgresServer server)
{
    [Fact]
    public async Task TwoHosts_ReadEachOthersUploads_ByteForByte()
    {
        var database = await server.CreateDatabaseAsync();
        const int limit = 3 * 1024 * 1024;
        await using var first = new DossierHost(database, maxFileBytes: limit);
        await using var second = new DossierHost(database, maxFileBytes: limit);
        var caseFile = await first.Factory.OpenCaseAsync("wbi-application", "GM0599");
        using var onFirst = await first.AsAsync("GM0599", Role.GemeenteAanvrager);
        using var onSecond = await second.AsAsync("GM0599", Role.GemeenteAanvrager);

        // Larger than two chunks of 1 MiB, so the content spans three rows.
        var big = Pdf(limit - 10, seed: 11);
        var fromFirst = await UploadAsync(onFirst, $"/api/v1/cases/{caseFile.Id}/documents", big, "plan.pdf");
        var small = Png(3000, seed: 12);
        var fromSecond = await UploadAsync(onSecond, $"/api/v1/cases/{caseFile.Id}/documents", small, "kaart.png", type: "kaart-projectgebied");

        var readBySecond = await onSecond.GetAsync($"/api/v1/documents/{fromFirst.GetProperty("id").GetGuid()}/content");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, readBySecond);
        Assert.Equal(big, await readBySecond.Content.ReadAsByteArrayAsync());
        var readByFirst = await onFirst.GetAsync($"/api/v1/documents/{fromSecond.GetProperty("id").GetGuid()}/content");
        Assert.Equal(small, await readByFirst.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", readByFirst.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(big)), fromFirst.GetProperty("integriteit").GetProperty("waarde").GetString());
        Assert.Equal(3, await first.DbAsync(db => db.Set<Casework.Web.Features.Documents.DocumentContentChunk>().CountAsync(c => c.Sha256 == fromFirst.GetProperty("integriteit").GetProperty("waarde").GetString())));
        var listed = await (await onFirst.GetAsync($"/api/v1/cases/{caseFile.Id}/documents")).ReadJsonAsync();
        Assert.Equal(2, listed.GetArrayLength());
    }

    [Fact]
    public async Task OnPostgreSql_ARefusedUploadAndACrashBeforeTheMetadataRow_LeaveNothing()
    {
        await using var host = new DossierHost(await server.CreateDatabaseAsync());
        var caseFile = await host.Factory.OpenCaseAsync("wbi-application", "GM0599");
        using var gemeente = await host.AsAsync("GM0599", Role.GemeenteAanvrager);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await gemeente.PostAsync($"/api/v1/cases/{caseFile.Id}/documents", Form("MZ-not-a-pdf"u8.ToArray(), "plan.pdf"))).StatusCode);

        await host.DbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER crash_on_document BEFORE INSERT ON "Documents" FOR EACH ROW EXECUTE FUNCTION crash();
            """));
        var response = await gemeente.PostAsync($"/api/v1/cases/{caseFile.Id}/documents", Form(Pdf(40_000), "plan.pdf"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal((0, 0, 0, 0, 0), await host.LeftoversAsync());
    }
}
