using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;

namespace Casework.Web.Tests.Foundation;

public sealed class OpenApiHost : IAsyncLifetime
{
    public CaseworkWebFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The OpenAPI document follows the NLGov REST API Design Rules 2.0: the official Spectral ruleset
/// (docs/api-design-rules/linter.yaml) finds zero errors. Every endpoint added later is covered.
/// </summary>
/// <remarks>One host for the class (<see cref="OpenApiHost"/>): both tests only read the document it serves.</remarks>
public sealed class OpenApiLintTests(OpenApiHost host) : IClassFixture<OpenApiHost>
{
    private readonly CaseworkWebFactory _factory = host.Factory;

    [Fact]
    public async Task OpenApiDocument_HasV1ServerContactSemverAndApiVersionHeaders()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;

        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/v1", root.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal("1.0.0", root.GetProperty("info").GetProperty("version").GetString());
        var contact = root.GetProperty("info").GetProperty("contact");
        Assert.True(contact.TryGetProperty("email", out _) && contact.TryGetProperty("url", out _) && contact.TryGetProperty("name", out _));
        Assert.True(root.GetProperty("paths").TryGetProperty("/reference/gemeenten", out var gemeenten));
        var ok = gemeenten.GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("headers").TryGetProperty("API-Version", out _));
    }

    [Fact]
    public async Task OpenApiDocument_LintedWithTheOfficialNlGovRuleset_HasZeroErrors()
    {
        using var client = _factory.CreateClient();
        var json = await client.GetStringAsync("/api/v1/openapi.json");
        var work = Directory.CreateTempSubdirectory("casework-oas-");
        var documentPath = Path.Combine(work.FullName, "openapi.json");
        await File.WriteAllTextAsync(documentPath, json);
        var ruleset = Path.Combine(RepositoryPaths.Root, "docs", "api-design-rules", "linter.yaml");

        var start = new ProcessStartInfo("npx", ["--yes", "@stoplight/spectral-cli@6.16.3", "lint", "-r", ruleset, "-f", "json", "-q", documentPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = work.FullName,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var output = await stdout;

        var jsonStart = output.IndexOf('[', StringComparison.Ordinal);
        Assert.True(jsonStart >= 0, $"Spectral printed no JSON result (exit {process.ExitCode}).\n{output}\n{await stderr}");
        using var results = JsonDocument.Parse(output[jsonStart..]);
        var errors = results.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("severity").GetInt32() == 0)
            .Select(r => $"{r.GetProperty("code").GetString()} at {string.Join('.', r.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}: {r.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, "NLGov API Design Rules errors:\n" + string.Join('\n', errors));
        work.Delete(recursive: true);
    }
}
