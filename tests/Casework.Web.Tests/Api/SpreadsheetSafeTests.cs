using Casework.Web.Infrastructure.Export;

namespace Casework.Web.Tests.Api;

public sealed class SpreadsheetSafeTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Neutralise_WhenCellStartsAFormula_PrefixesAnApostrophe(string cell, string expected)
    {
        Assert.Equal(expected, SpreadsheetSafe.Neutralise(cell));
    }

    [Theory]
    [InlineData("Woningdelen blokkeert schuldhulp")]
    [InlineData("a=1")]
    [InlineData("")]
    public void Neutralise_WhenCellIsText_LeavesItAlone(string cell)
    {
        Assert.Equal(cell, SpreadsheetSafe.Neutralise(cell));
    }
}
