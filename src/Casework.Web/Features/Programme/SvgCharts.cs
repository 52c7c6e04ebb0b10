using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Casework.Web.Features.Pages;
using Microsoft.AspNetCore.Html;

namespace Casework.Web.Features.Programme;

/// <summary>One point of a line: where it sits in time and its value, with the label the table shows.</summary>
public sealed record ChartPoint(string Label, DateOnly At, decimal Value);

/// <summary>A horizontal reference line (a baseline or a streefwaarde) from a date on.</summary>
public sealed record ChartReference(string Label, decimal Value, DateOnly At, string CssClass);

/// <summary>One group of bars (a round): named values next to each other.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<(string Series, decimal Value)> Bars);

/// <summary>
/// Charts drawn on the server as SVG: no script (the Content-Security-Policy allows none inline), colours from the
/// stylesheet through classes (no inline style), and every chart an image with a title and a description a screen reader
/// reads, beside a table with the same figures. The drawing is only a view of the table.
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 72;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A line of measurements against the baseline and the streefwaarde, with its text alternative.</summary>
    public static IHtmlContent Line(string id, string title, string unit, IReadOnlyList<ChartPoint> points, IReadOnlyList<ChartReference> references)
    {
        var values = points.Select(p => p.Value).Concat(references.Select(r => r.Value)).ToList();
        var dates = points.Select(p => p.At).Concat(references.Select(r => r.At)).ToList();
        var svg = new StringBuilder();
        var desc = Describe(title, unit, points, references);
        Open(svg, id, title, desc);
        if (values.Count > 0)
        {
            var (min, max) = Range(values);
            var first = dates.Min().DayNumber;
            var last = Math.Max(dates.Max().DayNumber, first + 1);
            double X(DateOnly d) => Left + ((d.DayNumber - first) / (double)(last - first) * (Width - Left - Right));
            double Y(decimal v) => Top + ((double)((max - v) / (max - min)) * (Height - Top - Bottom));
            Axes(svg, min, max, Y);
            foreach (var r in references)
            {
                svg.Append(Invariant, $"<line class=\"chart-ref {r.CssClass}\" x1=\"{X(r.At):0.#}\" x2=\"{Width - Right}\" y1=\"{Y(r.Value):0.#}\" y2=\"{Y(r.Value):0.#}\" />");
                svg.Append(Invariant, $"<text class=\"chart-label\" x=\"{Width - Right}\" y=\"{Y(r.Value) - 4:0.#}\" text-anchor=\"end\">{Encode(r.Label)}</text>");
            }

            if (points.Count > 0)
            {
                var path = string.Join(' ', points.Select(p => string.Create(Invariant, $"{X(p.At):0.#},{Y(p.Value):0.#}")));
                svg.Append(Invariant, $"<polyline class=\"chart-line\" points=\"{path}\" />");
                foreach (var p in points)
                {
                    svg.Append(Invariant, $"<circle class=\"chart-dot\" cx=\"{X(p.At):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"4\" />");
                    svg.Append(Invariant, $"<text class=\"chart-label\" x=\"{X(p.At):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Encode(p.Label)}</text>");
                }
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Bars per group (e.g. per round: aangevraagd, toegekend, betaald, teruggevorderd), with its text alternative.</summary>
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<BarGroup> groups)
    {
        var series = groups.SelectMany(g => g.Bars.Select(b => b.Series)).Distinct().ToList();
        var desc = new StringBuilder(title).Append(". ");
        foreach (var g in groups)
        {
            desc.Append(g.Label).Append(": ").Append(string.Join(", ", g.Bars.Select(b => $"{b.Series.ToLower(NlFormat.Culture)} {NlFormat.Money(b.Value)}"))).Append(". ");
        }

        if (groups.Count == 0)
        {
            desc.Append("Geen bedragen.");
        }

        var rowHeight = 14;
        var groupHeight = (series.Count * rowHeight) + 18;
        var height = Math.Max(60, Top + (groups.Count * groupHeight) + 8);
        var svg = new StringBuilder();
        Open(svg, id, title, desc.ToString().Trim(), height);
        var max = groups.SelectMany(g => g.Bars).Select(b => b.Value).DefaultIfEmpty(0m).Max();
        var labelWidth = 150;
        var scale = max <= 0 ? 0d : (Width - labelWidth - Right - 90) / (double)max;
        var y = Top;
        foreach (var g in groups)
        {
            svg.Append(Invariant, $"<text class=\"chart-label chart-label--group\" x=\"0\" y=\"{y + 10}\">{Encode(g.Label)}</text>");
            var barY = y;
            foreach (var (name, value) in g.Bars)
            {
                var index = series.IndexOf(name);
                var w = Math.Max(value > 0 ? 1 : 0, (double)value * scale);
                svg.Append(Invariant, $"<rect class=\"chart-bar chart-bar--{index % 4}\" x=\"{labelWidth}\" y=\"{barY}\" width=\"{w:0.#}\" height=\"{rowHeight - 3}\" />");
                svg.Append(Invariant, $"<text class=\"chart-label\" x=\"{labelWidth + w + 4:0.#}\" y=\"{barY + 10}\">{Encode(name)} {Encode(NlFormat.Money(value))}</text>");
                barY += rowHeight;
            }

            y += groupHeight;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Open(StringBuilder svg, string id, string title, string desc, int height = Height)
    {
        svg.Append(Invariant, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" aria-labelledby=\"{id}-titel\" aria-describedby=\"{id}-beschrijving\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(Invariant, $"<title id=\"{id}-titel\">{Encode(title)}</title><desc id=\"{id}-beschrijving\">{Encode(desc)}</desc>");
    }

    private static void Axes(StringBuilder svg, decimal min, decimal max, Func<decimal, double> y)
    {
        svg.Append(Invariant, $"<line class=\"chart-axis\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" />");
        svg.Append(Invariant, $"<line class=\"chart-axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" />");
        foreach (var tick in new[] { min, (min + max) / 2, max })
        {
            svg.Append(Invariant, $"<text class=\"chart-label\" x=\"{Left - 6}\" y=\"{y(tick) + 4:0.#}\" text-anchor=\"end\">{Encode(NlFormat.Number(Math.Round(tick, 2)))}</text>");
        }
    }

    private static (decimal Min, decimal Max) Range(IReadOnlyList<decimal> values)
    {
        var min = values.Min();
        var max = values.Max();
        if (min == max)
        {
            return (min - 1, max + 1);
        }

        var pad = (max - min) * 0.1m;
        return (min - pad, max + pad);
    }

    /// <summary>The chart in words, for whoever cannot see it.</summary>
    private static string Describe(string title, string unit, IReadOnlyList<ChartPoint> points, IReadOnlyList<ChartReference> references)
    {
        var text = new StringBuilder(title).Append(" (").Append(unit).Append("). ");
        text.Append(points.Count == 0 ? "Nog geen metingen. " : "Metingen: " + string.Join(", ", points.Select(p => $"{p.Label} {NlFormat.Number(p.Value)}")) + ". ");
        foreach (var r in references)
        {
            text.Append(r.Label).Append(' ').Append(NlFormat.Number(r.Value)).Append(" (").Append(NlFormat.Date(r.At)).Append("). ");
        }

        return text.ToString().Trim();
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
