using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Casework.Web.Features.Letters;

/// <summary>One block of a letter's body: a heading, a paragraph or a bullet.</summary>
public sealed record LetterBlock(LetterBlockKind Kind, string Text);

public enum LetterBlockKind
{
    Paragraph,
    Heading,
    Bullet,
}

/// <summary>
/// A Dutch letter template, kept as a text file in <c>Features/Letters/Templates</c> (embedded in the assembly).
/// Format: header lines <c>onderwerp:</c> and <c>soort:</c> (brief or besluit), for a besluit optionally
/// <c>rechtsmiddelen:</c> (the template of its rechtsmiddelenclausule), a line <c>---</c>, then the body.
/// In the body a blank line ends a paragraph, <c>## </c> starts a heading, <c>- </c> a bullet, and a line starting
/// with <c>?flag </c> is kept only when the letter sets that flag. <c>{name}</c> is replaced by a value; a name
/// the composer does not supply is a defect (the template and the code disagree) and throws.
/// </summary>
public sealed partial class LetterTemplate
{
    private static readonly ConcurrentDictionary<string, LetterTemplate> Cache = new(StringComparer.Ordinal);

    private LetterTemplate(string id, string subject, string kind, string? remedies, IReadOnlyList<string> body)
    {
        Id = id;
        Subject = subject;
        Kind = kind;
        Remedies = remedies;
        Body = body;
    }

    public string Id { get; }

    public string Subject { get; }

    /// <summary>The informatieobjecttype of the letter: <c>brief</c> or <c>besluit</c>.</summary>
    public string Kind { get; }

    /// <summary>
    /// For a besluit, the template of its rechtsmiddelenclausule (Awb 3:45): header <c>rechtsmiddelen:</c>, by default
    /// <c>rechtsmiddelen</c> (bezwaar); a beslissing op bezwaar names <c>rechtsmiddelen-beroep</c> (beroep at the rechtbank).
    /// Null for a brief, which is no besluit.
    /// </summary>
    public string? Remedies { get; }

    private IReadOnlyList<string> Body { get; }

    public static LetterTemplate Load(string id) => Cache.GetOrAdd(id, static key =>
    {
        using var stream = typeof(LetterTemplate).Assembly.GetManifestResourceStream($"Casework.Letters.{key}.txt")
            ?? throw new InvalidOperationException($"Letter template '{key}' is not embedded (Features/Letters/Templates/{key}.txt).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(key, reader.ReadToEnd());
    });

    public static LetterTemplate Parse(string id, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var separator = Array.IndexOf(lines, "---");
        if (separator < 0)
        {
            throw new InvalidOperationException($"Letter template '{id}' has no '---' line between its header and body.");
        }

        var header = lines[..separator]
            .Where(l => l.Contains(':', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), StringComparer.Ordinal);
        var subject = header.GetValueOrDefault("onderwerp") ?? throw new InvalidOperationException($"Letter template '{id}' has no 'onderwerp'.");
        var kind = header.GetValueOrDefault("soort");
        if (kind is not ("brief" or "besluit"))
        {
            throw new InvalidOperationException($"Letter template '{id}' has 'soort' '{kind}'; expected brief or besluit.");
        }

        var remedies = header.GetValueOrDefault("rechtsmiddelen");
        if (kind == "brief" && remedies is not null)
        {
            throw new InvalidOperationException($"Letter template '{id}' is a brief and names 'rechtsmiddelen'; only a besluit has a rechtsmiddelenclausule.");
        }

        return new LetterTemplate(id, subject, kind, kind == "besluit" ? remedies ?? "rechtsmiddelen" : null, lines[(separator + 1)..]);
    }

    public string RenderSubject(IReadOnlyDictionary<string, string> values) => Fill(Subject, values);

    public IReadOnlyList<LetterBlock> RenderBody(IReadOnlyDictionary<string, string> values, IReadOnlySet<string> flags)
    {
        var blocks = new List<LetterBlock>();
        var paragraph = new StringBuilder();

        void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new LetterBlock(LetterBlockKind.Paragraph, paragraph.ToString()));
                paragraph.Clear();
            }
        }

        foreach (var raw in Body)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('?'))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var flag = space < 0 ? line[1..] : line[1..space];
                if (!flags.Contains(flag))
                {
                    continue;
                }

                line = space < 0 ? string.Empty : line[(space + 1)..];
            }

            if (line.Length == 0)
            {
                EndParagraph();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                EndParagraph();
                blocks.Add(new LetterBlock(LetterBlockKind.Heading, Fill(line[3..], values)));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                EndParagraph();
                blocks.Add(new LetterBlock(LetterBlockKind.Bullet, Fill(line[2..], values)));
            }
            else
            {
                paragraph.Append(paragraph.Length > 0 ? " " : string.Empty).Append(Fill(line, values));
            }
        }

        EndParagraph();
        return blocks;
    }

    private string Fill(string text, IReadOnlyDictionary<string, string> values) => Placeholder().Replace(text, m =>
        values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Letter template '{Id}' names '{{{m.Groups[1].Value}}}', which the composer does not supply."));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
