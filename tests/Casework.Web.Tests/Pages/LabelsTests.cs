using Casework.Web.Features.Pages;

namespace Casework.Web.Tests.Pages;

/// <summary>Sources and criteria as a civil servant reads them, not as the rule sets key them.</summary>
public sealed class LabelsTests
{
    [Theory]
    [InlineData("(ontwerpkeuze)", "werkafspraak in Casework, geen wettelijke bron")]
    [InlineData("Awb art. 4:1 (ontwerpkeuze: wijzigen alleen in concept)", "Awb art. 4:1 (ontwerpkeuze: wijzigen alleen in concept)")]
    [InlineData("Stand-in uit VHF 2023 (secundaire bron: start binnen 2 jaar)", "aanname, de bron ontbreekt; overgenomen uit VHF 2023 (secundaire bron: start binnen 2 jaar)")]
    [InlineData("Regeling Woningbouwimpuls 2022, art. 4", "Regeling Woningbouwimpuls 2022, art. 4")]
    public void Source_ShowsDesignChoicesAndStandInsInDutch(string source, string shown) =>
        Assert.Equal(shown, Labels.Source(source));

    [Theory]
    [InlineData("efficientie", "Efficiëntie")]
    [InlineData("noodzaak", "Noodzaak")]
    [InlineData("totaal", "Totaal")]
    public void Criterion_HasItsDutchName(string key, string name) => Assert.Equal(name, Labels.Criterion(key));
}
