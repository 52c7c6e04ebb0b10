using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casework.Web.Features.Pages;

/// <summary>
/// Every <c>&lt;div class="table-scroll"&gt;</c> scrolls sideways on a narrow screen (390 px), so a keyboard user must be
/// able to reach it and a screen reader must name it (WCAG 2.1.1, axe <c>scrollable-region-focusable</c>): the region
/// gets <c>tabindex="0"</c>, <c>role="region"</c> and an accessible name taken from its table's caption
/// ("Tabel ‘Werkvoorraad’, horizontaal te schuiven"), so two regions on one page are distinguishable landmarks.
/// A region that names itself (its own <c>tabindex</c>, <c>aria-label</c> or <c>aria-labelledby</c>) is left as written.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=table-scroll]")]
public sealed partial class ScrollRegionTagHelper : TagHelper
{
    /// <summary>Runs after the other tag helpers, on the final child content.</summary>
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.ContainsName("tabindex") || output.Attributes.ContainsName("aria-label") || output.Attributes.ContainsName("aria-labelledby"))
        {
            return;
        }

        var content = await output.GetChildContentAsync();
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", Name(content.GetContent()));
    }

    /// <summary>The region's name: its table's caption as a person reads it, or a plain "Tabel" when it has none.</summary>
    public static string Name(string html)
    {
        var caption = Caption().Match(html);
        var text = caption.Success ? WebUtility.HtmlDecode(Tag().Replace(caption.Groups["text"].Value, " ")) : string.Empty;
        text = Space().Replace(text, " ").Trim();
        return text.Length == 0 ? "Tabel, horizontaal te schuiven" : $"Tabel ‘{text}’, horizontaal te schuiven";
    }

    [GeneratedRegex("<caption[^>]*>(?<text>.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Space();
}
