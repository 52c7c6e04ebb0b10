using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Infrastructure;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// No developer text reaches a user: every page a person can reach by following links from the start page, as each
/// kind of user, with a running application, an award with its letter, a knelpunt on an agenda and a draft, is read
/// as its visible text (and the labels a screen reader reads) and searched for what only a developer would write:
/// role enum names, camelCase field and action names, workflow ids, user ids, GM codes, "(ontwerpkeuze)".
/// Rule codes (upper case) may stay as a reference after the Dutch sentence.
/// </summary>
public sealed partial class DeveloperTextScanTests : IAsyncLifetime
{
    private const int MaxPagesPerUser = 120;

    private static readonly string[] Users =
    [
        "rotterdam-aanvrager", "rvo-loket", "vro-beoordelaar", "commissie-wbi", "sbsd-secretaris", "alliantie-rotterdam-zuid", "auditor", "beheerder",
    ];

    private readonly CaseworkWebFactory _factory = new();

    public async Task InitializeAsync()
    {
        var round = await CaseTestData.AnnounceOpenWbiRoundAsync(_factory);
        var (awarded, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory, round, projectName: "Hart van Zuid");
        await CaseTestSteps.ToRankingAsync(_factory, awarded);
        var sent = SecretarySetup.Today(_factory).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await CaseTestSteps.DecideAsync(_factory, "vro-beoordelaar", "vro-beoordelaar-2", awarded, "toekennen", new { data = new { bedrag = 5_000_000m, verzenddatum = sent } });
        var (proposed, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory, round, projectName: "Zuidplein");
        await CaseTestSteps.ToRankingAsync(_factory, proposed);
        using (var vro = await CaseTestData.ApiAsync(_factory, "vro-beoordelaar"))
        {
            // Both scored alike: a person orders the tie, so the second may be decided.
            await HttpAssert.StatusAsync(System.Net.HttpStatusCode.OK, await vro.PostAsJsonAsync($"/api/v1/tranches/{round}/tie-breaks", new { order = new[] { awarded, proposed } }));
        }

        await CaseTestSteps.FireAsync(_factory, "vro-beoordelaar", proposed, "afwijzen", new { reason = "Past niet in de rangschikking.", data = new { verzenddatum = sent } });
        await CaseTestData.SubmittedWbiApplicationAsync(_factory, round, projectName: "Katendrecht");
        await CreateDraftAsync(_factory, "rotterdam-aanvrager", WbiApplication(round, "Feijenoord"));
        var knelpunt = await SecretarySetup.KnelpuntReadyForSbsdAsync(_factory, "Kostendelersnorm bij schuldhulp");
        var meeting = await SecretarySetup.PlanSbsdMeetingTodayAsync(_factory, "SBSD van vandaag");
        await SecretarySetup.AddToAgendaAsync(_factory, meeting, knelpunt.Id);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task EveryReachablePage_AsEveryKindOfUser_ShowsNoIdentifiers()
    {
        var identifiers = WorkflowIdentifiers();
        var findings = new SortedSet<string>(StringComparer.Ordinal);
        var scanned = 0;
        foreach (var user in Users)
        {
            using var client = await BrowserAsync(_factory, user);
            var queue = new Queue<string>(["/"]);
            var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
            while (queue.Count > 0 && seen.Count <= MaxPagesPerUser)
            {
                var path = queue.Dequeue();
                using var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var html = await response.Content.ReadAsStringAsync();
                scanned++;
                foreach (var finding in Find(VisibleText(html), identifiers))
                {
                    var text = VisibleText(html);
                    var at = finding.IndexOf('\'') is var q and >= 0 ? text.IndexOf(finding[(q + 1)..^1], StringComparison.Ordinal) : -1;
                    findings.Add($"{user} {Shape(path)}: {finding}" + (at >= 0 ? $" in \"…{text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 40)].Trim()}…\"" : string.Empty));
                }

                foreach (Match link in Link().Matches(html))
                {
                    var href = WebUtility.HtmlDecode(link.Groups["href"].Value);
                    if (Follow(href, link.Value) && seen.Add(href))
                    {
                        queue.Enqueue(href);
                    }
                }
            }
        }

        Assert.True(scanned > 40, $"only {scanned} pages were read");
        Assert.True(findings.Count == 0, $"{findings.Count} places show developer text:\n" + string.Join('\n', findings.Take(80)));
    }

    /// <summary>What a person reads: the text between tags, the page title, and the labels and titles of elements.</summary>
    internal static string VisibleText(string html)
    {
        // The diagram page offers its Mermaid source, labelled as such, folded away: code on purpose, for those who ask for it.
        var withoutCode = MermaidSource().Replace(ScriptOrStyle().Replace(html, " "), " ");
        var labels = string.Join(" ", LabelAttribute().Matches(withoutCode).Select(m => m.Groups["value"].Value));
        var text = Tag().Replace(withoutCode, " ");
        return WebUtility.HtmlDecode(text + " " + labels);
    }

    internal static IEnumerable<string> Find(string text, IReadOnlySet<string> identifiers)
    {
        foreach (Match m in Word().Matches(text))
        {
            var word = m.Value;
            if (identifiers.Contains(word))
            {
                yield return $"workflow id '{word}'";
            }
            else if (CamelCase().IsMatch(word) && word != "kB")
            {
                yield return $"camelCase '{word}'";
            }
            else if (GmCode().IsMatch(word))
            {
                yield return $"gemeentecode '{word}'";
            }
        }

        foreach (var user in Users.Append("amsterdam-aanvrager").Append("vro-beoordelaar-2").Where(u => u.Contains('-', StringComparison.Ordinal)))
        {
            if (text.Contains(user, StringComparison.Ordinal))
            {
                yield return $"user id '{user}'";
            }
        }

        if (JsonProperty().Match(text) is { Success: true } json)
        {
            yield return $"raw JSON '{json.Value}'";
        }

        foreach (var phrase in new[] { "(ontwerpkeuze)", "Stand-in", "GemeenteAanvrager" })
        {
            if (text.Contains(phrase, StringComparison.Ordinal))
            {
                yield return $"'{phrase}'";
            }
        }
    }

    /// <summary>The ids in the workflow definitions that are no Dutch word as they stand (camelCase or hyphenated).</summary>
    private static HashSet<string> WorkflowIdentifiers()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var folder = Path.Combine(RepositoryRoot(), "workflows", "definitions");
        foreach (var file in Directory.GetFiles(folder, "*.v*.json"))
        {
            var raw = File.ReadAllText(file);
            foreach (Match code in BesluitType().Matches(raw))
            {
                ids.Add(code.Groups["code"].Value);
            }

            using var json = JsonDocument.Parse(raw);
            foreach (var list in new[] { "states", "actions" })
            {
                if (json.RootElement.TryGetProperty(list, out var items))
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        var id = item.GetProperty("id").GetString()!;
                        if (id.Contains('-', StringComparison.Ordinal) || id.Any(char.IsUpper))
                        {
                            ids.Add(id);
                        }
                    }
                }
            }
        }

        return ids;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Casework.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Casework.sln not found above the test binaries.");
    }

    private static bool Follow(string href, string anchor) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.StartsWith("/api", StringComparison.Ordinal) && !href.StartsWith("/sign-", StringComparison.Ordinal) && !href.StartsWith("/dev/", StringComparison.Ordinal)
        && !href.Contains("handler=Download", StringComparison.OrdinalIgnoreCase) && !href.Contains("/content", StringComparison.Ordinal)
        && !href.Contains('#', StringComparison.Ordinal) && !anchor.Contains(" download", StringComparison.Ordinal)
        && !href.StartsWith("/lib/", StringComparison.Ordinal) && !href.StartsWith("/css/", StringComparison.Ordinal);

    /// <summary>A path with its ids replaced, so one finding on fifty case pages reads as one line.</summary>
    private static string Shape(string path) => Guid().Replace(path, "{id}");

    [GeneratedRegex(@"<a\b[^>]*\bhref=""(?<href>[^""]+)""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"<details class=""mermaid-source"">.*?</details>", RegexOptions.Singleline)]
    private static partial Regex MermaidSource();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"\b(?:aria-label|title|alt|placeholder)=""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex LabelAttribute();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-]*[\p{L}\p{N}]")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[a-z]+[A-Z][A-Za-z]*$")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"""[A-Za-z]+""\s*:")]
    private static partial Regex JsonProperty();

    [GeneratedRegex(@"""besluitType"":\s*""(?<code>[a-z]+(?:-[a-z]+)+)""")]
    private static partial Regex BesluitType();

    [GeneratedRegex(@"^GM\d{4}$")]
    private static partial Regex GmCode();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
