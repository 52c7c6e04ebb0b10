using System.Text;
using Casework.Workflows.Loading;

namespace Casework.Workflows.Tests.Loading;

public class DefinitionCatalogTests
{
    private static readonly DefinitionLoader Loader = new(LintOptions.Default);

    private static async Task<byte[]> ValidFixture() => await File.ReadAllBytesAsync(TestPaths.Scenario("Lint", "valid.v1.json"));

    private static byte[] AsVersion(byte[] v1, int version) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(v1).Replace("\"version\": 1", $"\"version\": {version}", StringComparison.Ordinal));

    [Fact]
    public void ContentHash_WhenGivenKnownBytes_IsLowercaseHexSha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DefinitionLoader.ContentHash("abc"u8.ToArray()));
    }

    [Fact]
    public async Task LoadAsync_WhenSameBytesLoadedTwice_HashIsStable()
    {
        var bytes = await ValidFixture();

        var first = await Loader.LoadAsync("valid.v1.json", bytes);
        var second = await Loader.LoadAsync("valid.v1.json", [.. bytes]);

        Assert.Equal(DefinitionLoader.ContentHash(bytes), first.Definitions[0].ContentHash);
        Assert.Equal(first.Definitions[0].ContentHash, second.Definitions[0].ContentHash);
    }

    [Fact]
    public async Task LoadAsync_WhenContentChangesEvenInWhitespace_HashChanges()
    {
        var bytes = await ValidFixture();
        byte[] changed = [.. bytes, (byte)'\n'];

        var original = await Loader.LoadAsync("valid.v1.json", bytes);
        var edited = await Loader.LoadAsync("valid.v1.json", changed);

        Assert.True(edited.IsValid);
        Assert.NotEqual(original.Definitions[0].ContentHash, edited.Definitions[0].ContentHash);
    }

    [Fact]
    public async Task Find_WhenTwoVersionsAreLoaded_FindsEachAndTheLatest()
    {
        var v1 = await ValidFixture();
        var first = await Loader.LoadAsync("valid.v1.json", v1);
        var second = await Loader.LoadAsync("valid.v2.json", AsVersion(v1, 2));

        var catalog = new DefinitionCatalog([.. second.Definitions, .. first.Definitions]);

        Assert.Equal("valid.v1.json", catalog.Find("valid", 1)?.File);
        Assert.Equal(2, catalog.FindLatest("valid")?.Definition.Version);
        Assert.Null(catalog.Find("valid", 3));
        Assert.Null(catalog.FindLatest("onbekend"));
        Assert.Equal([1, 2], catalog.Versions("valid").Select(d => d.Definition.Version));
    }

    [Fact]
    public async Task CheckAgainstPublished_WhenPublishedVersionWasChanged_RefusesWithBothHashes()
    {
        var bytes = await ValidFixture();
        var catalog = (await Loader.LoadAsync("valid.v1.json", bytes)).ToCatalog();
        var hash = DefinitionLoader.ContentHash(bytes);

        var unchanged = catalog.CheckAgainstPublished([new PublishedVersion("valid", 1, hash)]);
        var changed = catalog.CheckAgainstPublished([new PublishedVersion("valid", 1, "00ff")]);

        Assert.Empty(unchanged);
        Assert.Equal(
            $"valid.v1.json: $.version: definition 'valid' version 1 was published with content hash 00ff, but this file hashes to {hash}: a published version is immutable, add a new version instead",
            Assert.Single(changed).ToString());
    }

    [Fact]
    public async Task ToCatalog_WhenAnyFileHasErrors_ThrowsListingThem()
    {
        var result = await Loader.LoadFileAsync(TestPaths.Scenario("Lint", "dead-end.v1.json"));

        var ex = Assert.Throws<DefinitionLoadException>(result.ToCatalog);

        Assert.Contains("dead-end.v1.json: $.states[2]: state 'wacht' is not final", ex.Message, StringComparison.Ordinal);
        Assert.Single(ex.Errors);
    }

    [Fact]
    public async Task LoadDirectoryAsync_WhenDirectoryHoldsSchemaJson_SkipsIt()
    {
        var result = await Loader.LoadDirectoryAsync(TestPaths.Definitions);

        Assert.True(File.Exists(Path.Combine(TestPaths.Definitions, "schema.json")));
        Assert.DoesNotContain(result.Definitions, d => d.File == "schema.json");
        Assert.Equal(14, result.ToCatalog().All.Count);
    }
}
