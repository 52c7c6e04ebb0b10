using System.Text;
using System.Text.Encodings.Web;

namespace Casework.Web.Features.Pages;

/// <summary>
/// The frame of the few server-rendered pages (until the NL Design System pages arrive): Dutch, a skip link
/// to <c>main</c>, one stylesheet from this host. No inline scripts or style attributes, so the default
/// Content-Security-Policy (<c>default-src 'self'</c>) holds. Every value put into the HTML goes through <see cref="Encode"/>.
/// </summary>
internal static class PageLayout
{
    public const string Stylesheet = "/css/casework.css";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static IResult Page(string title, string mainHtml)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" — Casework</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Stylesheet).Append("\">\n</head>\n<body>\n")
            .Append("<a class=\"skip-link\" href=\"#inhoud\">Direct naar de inhoud</a>\n")
            .Append("<header class=\"site-header\"><p class=\"site-name\"><a href=\"/\">Casework</a></p></header>\n")
            .Append("<main id=\"inhoud\" tabindex=\"-1\">\n").Append(mainHtml).Append("</main>\n</body>\n</html>\n")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>A hidden antiforgery field for a form (the token of the current request's user).</summary>
    public static string AntiforgeryField(Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">";
}
