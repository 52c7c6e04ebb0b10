using System.Text.RegularExpressions;
using Casework.Domain.Time;
using static Casework.Domain.Tests.Time.Calendars;

namespace Casework.Domain.Tests.Time;

public class TermKindsTests
{
    [Fact]
    public void All_WhenListed_HasStableUniqueKebabCaseIds()
    {
        var ids = TermKinds.All.Select(k => k.Id).ToList();

        Assert.Equal(
            [
                "beslistermijn", "hersteltermijn", "bezwaartermijn", "beslissing-op-bezwaar", "beslissing-op-bezwaar-commissie",
                "buiten-behandeling-besluit", "wbi-start-bouw", "wbi-alle-woningen", "sisa-verantwoording",
                "knelpunt-reactietermijn", "vastloper-reactietermijn",
                "mijlpaal-start-bouw", "mijlpaal-gereed", "sisa-verantwoording-uitstel", "sisa-uitstel-beslissing", "terugbetalingstermijn",
                "beroepstermijn",
            ],
            ids);
        Assert.All(ids, id => Assert.Matches(new Regex("^[a-z]+(-[a-z]+)*$"), id));
    }

    [Fact]
    public void Get_WhenUnknownId_Throws()
    {
        Assert.Same(TermKinds.Bezwaartermijn, TermKinds.Get("bezwaartermijn"));
        Assert.Throws<KeyNotFoundException>(() => TermKinds.Get("onbekend"));
    }

    [Fact]
    public void Flags_WhenStatutoryProcedureTerms_MatchAwb()
    {
        Assert.True(TermKinds.Beslistermijn.SuspensionApplies);
        Assert.True(TermKinds.Beslistermijn.ExtendableByNotice);
        Assert.True(TermKinds.Bezwaartermijn.PostalWeekApplies);
        Assert.False(TermKinds.Bezwaartermijn.ExtendableByNotice);
        Assert.Equal(TermLength.Weeks(6), TermKinds.BeslissingOpBezwaar.MaximumExtension);
        Assert.False(TermKinds.WbiStartBouw.AtwApplies);
        Assert.True(TermKinds.KnelpuntReactietermijn.IsDesignChoice);
        Assert.True(TermKinds.VastloperReactietermijn.IsDesignChoice);
        Assert.False(TermKinds.Bezwaartermijn.IsDesignChoice);
        Assert.True(TermKinds.Beroepstermijn.PostalWeekApplies); // Awb 6:9 lid 2 holds for a beroepschrift too
        Assert.Equal(TermKinds.Bezwaartermijn.Length, TermKinds.Beroepstermijn.Length);
    }

    public static TheoryData<string> KindIds => [.. TermKinds.All.Select(k => k.Id)];

    [Theory]
    [MemberData(nameof(KindIds))]
    public void Calculate_WhenAnyKind_StartsDayAfterEventAndEndsOnOrAfterRawEnd(string id)
    {
        var kind = TermKinds.Get(id);
        var eventDate = new DateOnly(2024, 11, 14);

        var result = TermCalculator.Calculate(kind, eventDate, Known);

        Assert.Equal(eventDate.AddDays(1), result.FirstDay);
        Assert.True(result.RawEndDate > eventDate);
        Assert.True(result.DueDate >= result.RawEndDate);
        if (kind.AtwApplies)
        {
            Assert.True(Known.IsWorkingDay(result.DueDate));
        }
        else
        {
            Assert.Equal(result.RawEndDate, result.DueDate);
        }

        Assert.Equal(TermStepKind.Due, result.Steps[^1].Kind);
    }
}
