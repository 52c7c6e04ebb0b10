using Casework.Web.Features.Letters;

namespace Casework.Web.Tests.Letters;

/// <summary>The letter template format (ADR-014): headings, bullets, flagged lines, placeholders, and a defect when template and code disagree.</summary>
public sealed class LetterTemplateTests
{
    private const string Text = "onderwerp: Besluit {kenmerk}\nsoort: besluit\n---\nGeacht college,\n\nWij kennen u {bedrag}\ntoe.\n?gedeeltelijk Dit is minder dan gevraagd.\n\n## Voorwaarden\n?wbi - Start de bouw vóór {einde}.\n- Verantwoord via SiSa.\n";

    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal) { ["kenmerk"] = "WBI-2024-000001", ["bedrag"] = "€ 1.000,00", ["einde"] = "1 maart 2027" };

    [Fact]
    public void RenderBody_JoinsParagraphLinesAndKeepsFlaggedLinesOnlyWhenTheLetterSetsTheirFlag()
    {
        var template = LetterTemplate.Parse("test", Text);

        var vhf = template.RenderBody(Values, new HashSet<string>(StringComparer.Ordinal) { "vhf" });
        Assert.Equal(
            [new(LetterBlockKind.Paragraph, "Geacht college,"), new(LetterBlockKind.Paragraph, "Wij kennen u € 1.000,00 toe."), new(LetterBlockKind.Heading, "Voorwaarden"), new LetterBlock(LetterBlockKind.Bullet, "Verantwoord via SiSa.")],
            vhf);

        var wbi = template.RenderBody(Values, new HashSet<string>(StringComparer.Ordinal) { "wbi", "gedeeltelijk" });
        Assert.Contains(new LetterBlock(LetterBlockKind.Paragraph, "Wij kennen u € 1.000,00 toe. Dit is minder dan gevraagd."), wbi);
        Assert.Contains(new LetterBlock(LetterBlockKind.Bullet, "Start de bouw vóór 1 maart 2027."), wbi);
        Assert.Equal("Besluit WBI-2024-000001", template.RenderSubject(Values));
        Assert.Equal("besluit", template.Kind);
    }

    [Fact]
    public void RenderBody_APlaceholderTheComposerDoesNotSupply_Throws()
    {
        var template = LetterTemplate.Parse("test", Text);
        var values = new Dictionary<string, string>(Values, StringComparer.Ordinal);
        values.Remove("bedrag");

        var error = Assert.Throws<InvalidOperationException>(() => template.RenderBody(values, new HashSet<string>(StringComparer.Ordinal)));
        Assert.Contains("{bedrag}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onderwerp: x\nsoort: brief\nGeen scheiding")]
    [InlineData("soort: brief\n---\nTekst")]
    [InlineData("onderwerp: x\nsoort: memo\n---\nTekst")]
    public void Parse_AMalformedHeader_Throws(string text) =>
        Assert.Throws<InvalidOperationException>(() => LetterTemplate.Parse("kapot", text));

    [Theory]
    [InlineData("ontvangstbevestiging")]
    [InlineData("herstelverzoek")]
    [InlineData("buitenbehandelingstelling")]
    [InlineData("toekenning")]
    [InlineData("afwijzing")]
    [InlineData("rechtsmiddelen")]
    [InlineData("beslissing-op-bezwaar")]
    [InlineData("rechtsmiddelen-beroep")]
    public void Load_EveryShippedTemplate_IsEmbeddedAndParses(string id) =>
        Assert.NotEmpty(LetterTemplate.Load(id).Subject);

    [Fact]
    public void Remedies_ABesluitGetsTheBezwaarClauseUnlessItNamesAnother_AndABriefNone()
    {
        Assert.Equal("rechtsmiddelen", LetterTemplate.Parse("besluit", Text).Remedies);
        Assert.Equal("rechtsmiddelen-beroep", LetterTemplate.Load("beslissing-op-bezwaar").Remedies);
        Assert.Equal("rechtsmiddelen", LetterTemplate.Load("toekenning").Remedies);
        Assert.Null(LetterTemplate.Load("herstelverzoek").Remedies);
        Assert.Throws<InvalidOperationException>(() => LetterTemplate.Parse("kapot", "onderwerp: x\nsoort: brief\nrechtsmiddelen: rechtsmiddelen-beroep\n---\nTekst"));
    }
}
