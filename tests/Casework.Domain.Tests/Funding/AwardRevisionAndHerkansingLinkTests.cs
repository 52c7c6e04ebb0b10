using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Domain.Tests.Funding.Builders;

namespace Casework.Domain.Tests.Funding;

public class AwardRevisionAndHerkansingLinkTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static FundingApplication Awarded(decimal amount)
    {
        var application = FundingApplication.Draft(Guid.NewGuid(), Guid.NewGuid(), ApplicationBuilder.Wbi().Requesting(amount).Build(), null, Now);
        application.RecordAward(Money.Euro(amount), Now);
        return application;
    }

    [Fact]
    public void ReviseAward_ToLowerAmount_ReturnsNegativeChangeAndKeepsNewAmount()
    {
        var application = Awarded(5_000_000m);

        var change = application.ReviseAward(Money.Euro(3_000_000m), Money.Zero, Now);

        Assert.Equal(Money.Euro(-2_000_000m), change);
        Assert.Equal(Money.Euro(3_000_000m), application.AwardedAmount);
    }

    [Fact]
    public void ReviseAward_ToZero_RevokesTheAward()
    {
        var application = Awarded(5_000_000m);

        var change = application.ReviseAward(Money.Zero, Money.Zero, Now);

        Assert.Equal(Money.Euro(-5_000_000m), change);
        Assert.Null(application.AwardedAmount);
    }

    [Fact]
    public void ReviseAward_OneCentBelowPaidOut_RefusedAndExactlyPaidOutAllowed()
    {
        var application = Awarded(5_000_000m);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => application.ReviseAward(Money.Euro(3_999_999.99m), Money.Euro(4_000_000m), Now));
        Assert.Equal("TOEKENNING-ONDER-BETAALD", refused.BrokenRules.Single().Code);
        Assert.Equal(Money.Euro(5_000_000m), application.AwardedAmount);

        Assert.Equal(Money.Euro(-1_000_000m), application.ReviseAward(Money.Euro(4_000_000m), Money.Euro(4_000_000m), Now));
    }

    [Fact]
    public void ReviseAward_AboveRequested_Refused()
    {
        var application = Awarded(5_000_000m);

        Assert.Throws<BusinessRuleViolationException>(() => application.ReviseAward(Money.Euro(5_000_000.01m), Money.Zero, Now));
    }

    [Fact]
    public void RecordHerkansingLink_OnHerkansing_ReplacesReferenceAndRecordsJudgement()
    {
        var application = FundingApplication.Draft(Guid.NewGuid(), Guid.NewGuid(), ApplicationBuilder.Wbi().AsHerkansingOf("WBI-T6-0001").Build(), null, Now);
        var previous = Guid.NewGuid();

        application.RecordHerkansingLink(previous, "WBI-T6-0002", sameProject: true, "loket-1", Now);

        Assert.Equal(previous, application.HerkansingOfApplicationId);
        Assert.Equal("WBI-T6-0002", application.PreviousApplicationReference);
        Assert.True(application.HerkansingSameProject);
    }

    [Fact]
    public void RecordHerkansingLink_OnApplicationThatIsNoHerkansing_Refused()
    {
        var application = FundingApplication.Draft(Guid.NewGuid(), Guid.NewGuid(), ApplicationBuilder.Wbi().Build(), null, Now);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => application.RecordHerkansingLink(Guid.NewGuid(), "WBI-T6-0002", true, "loket-1", Now));

        Assert.Equal("GEEN-HERKANSING", refused.BrokenRules.Single().Code);
        Assert.Null(application.HerkansingSameProject);
    }
}
