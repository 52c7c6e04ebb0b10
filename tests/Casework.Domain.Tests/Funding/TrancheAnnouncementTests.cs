using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding;

/// <summary>Besluit Woningbouwimpuls 2020 art. 3 lid 2 and art. 4 lid 1: a WBI round is announced at least six weeks before it opens.</summary>
public class TrancheAnnouncementTests
{
    private static readonly DateOnly AnnouncedOn = new(2025, 9, 1);

    // 09:00 in Amsterdam (summer time) on the given date.
    private static DateTimeOffset OpensOn(DateOnly date) => new(date.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);

    private static Tranche Announce(Regeling regeling, DateOnly announcedOn, DateTimeOffset opensAt) =>
        Tranche.Announce(Guid.NewGuid(), regeling, "T9", announcedOn, opensAt, opensAt.AddDays(40), HistoricRuleSets.For(regeling, regeling == Regeling.Wbi ? "T6" : "2024-R4"), null);

    [Fact]
    public void Announce_WhenWbiRoundOpens41DaysAfterAnnouncement_IsRefusedCitingTheBesluit()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Announce(Regeling.Wbi, AnnouncedOn, OpensOn(AnnouncedOn.AddDays(41))));

        var rule = Assert.Single(refused.BrokenRules);
        Assert.Equal("WBI-AANKONDIGING-ZES-WEKEN", rule.Code);
        Assert.Equal("Besluit Woningbouwimpuls 2020 art. 3 lid 2 en art. 4 lid 1", rule.Source);
        Assert.Contains("41 dagen", rule.Message, StringComparison.Ordinal);
        Assert.Contains("13-10-2025", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Announce_WhenWbiRoundOpens42DaysAfterAnnouncement_Passes()
    {
        var tranche = Announce(Regeling.Wbi, AnnouncedOn, OpensOn(AnnouncedOn.AddDays(42)));

        Assert.Equal(AnnouncedOn, tranche.AnnouncedOn);
    }

    [Fact]
    public void Announce_WhenVhfRoundOpensSooner_IsNotHeldToTheWbiBesluit()
    {
        var tranche = Announce(Regeling.Vhf, AnnouncedOn, OpensOn(AnnouncedOn.AddDays(10)));

        Assert.Equal(Regeling.Vhf, tranche.Regeling);
    }

    [Fact]
    public void Reschedule_WhenWbiOpeningMovesNearerThanSixWeeksAfterAnnouncement_IsRefusedAndNothingChanges()
    {
        var opens = OpensOn(AnnouncedOn.AddDays(60));
        var tranche = Announce(Regeling.Wbi, AnnouncedOn, opens);

        var refused = Assert.Throws<BusinessRuleViolationException>(() =>
            tranche.Reschedule(OpensOn(AnnouncedOn.AddDays(41)), OpensOn(AnnouncedOn.AddDays(80)), OpensOn(AnnouncedOn.AddDays(5))));

        Assert.Equal("WBI-AANKONDIGING-ZES-WEKEN", Assert.Single(refused.BrokenRules).Code);
        Assert.Equal(opens, tranche.OpensAt);
    }

    [Fact]
    public void Reschedule_WhenWbiOpeningStaysSixWeeksAfterAnnouncement_MovesTheWindow()
    {
        var tranche = Announce(Regeling.Wbi, AnnouncedOn, OpensOn(AnnouncedOn.AddDays(60)));

        tranche.Reschedule(OpensOn(AnnouncedOn.AddDays(42)), OpensOn(AnnouncedOn.AddDays(80)), OpensOn(AnnouncedOn.AddDays(5)));

        Assert.Equal(OpensOn(AnnouncedOn.AddDays(42)), tranche.OpensAt);
    }
}
