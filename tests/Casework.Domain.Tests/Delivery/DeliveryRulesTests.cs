using Casework.Domain.Delivery;

namespace Casework.Domain.Tests.Delivery;

public sealed class DeliveryRulesTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(6), 8);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(20, 21_600)] // capped at six hours
    public void DelayAfter_GrowsExponentiallyUpToTheCap_AndJitterStaysWithinATenthAndTheWhole(int attempts, int ceilingSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds * 0.1), Policy.DelayAfter(attempts, 0.0));
        var highest = Policy.DelayAfter(attempts, 0.999999);
        Assert.True(highest <= TimeSpan.FromSeconds(ceilingSeconds) && highest > TimeSpan.FromSeconds(ceilingSeconds * 0.99), highest.ToString());
    }

    [Fact]
    public void IsExhausted_AfterMaxAttemptsFailures()
    {
        Assert.False(Policy.IsExhausted(7));
        Assert.True(Policy.IsExhausted(8));
    }

    [Fact]
    public void StableMessageId_IsTheSameForTheSameMessageAndRecipient_AndDiffersPerRecipientAndChannel()
    {
        var message = Guid.NewGuid();
        var a = OutboxDelivery.StableMessageId(message, DeliveryChannel.Email, "subsidies@rotterdam.nl", "casework.test");
        Assert.Equal(a, OutboxDelivery.StableMessageId(message, DeliveryChannel.Email, " Subsidies@Rotterdam.nl ", "casework.test"));
        Assert.NotEqual(a, OutboxDelivery.StableMessageId(message, DeliveryChannel.Email, "wonen@rotterdam.nl", "casework.test"));
        Assert.NotEqual(a, OutboxDelivery.StableMessageId(message, DeliveryChannel.Webhook, "subsidies@rotterdam.nl", "casework.test"));
        Assert.NotEqual(a, OutboxDelivery.StableMessageId(Guid.NewGuid(), DeliveryChannel.Email, "subsidies@rotterdam.nl", "casework.test"));
        Assert.Matches("^[0-9a-f]{32}@casework\\.test$", a);
    }

    [Theory]
    [InlineData("subsidies@rotterdam.nl", true)]
    [InlineData("Fatima <f@rotterdam.nl>", false)]
    [InlineData("a@b.nl, c@d.nl", false)]
    [InlineData("geen adres", false)]
    [InlineData("iemand@localhost", false)]
    [InlineData("", false)]
    public void EmailAddresses_AcceptOnePlainAddressOnly(string value, bool valid) => Assert.Equal(valid, EmailAddresses.IsValid(value));

    [Fact]
    public void Organisation_FunctionalMailbox_IsSetTrimmedClearedAndRefusedWhenNoAddress()
    {
        var rotterdam = Casework.Domain.Organisations.Organisation.Gemeente("GM0599", "Rotterdam", "Zuid-Holland");
        rotterdam.SetFunctionalMailbox(" subsidies@rotterdam.nl ");
        Assert.Equal("subsidies@rotterdam.nl", rotterdam.FunctionalMailbox);
        Assert.Throws<ArgumentException>(() => rotterdam.SetFunctionalMailbox("geen adres"));
        Assert.Equal("subsidies@rotterdam.nl", rotterdam.FunctionalMailbox);
        rotterdam.SetFunctionalMailbox(" ");
        Assert.Null(rotterdam.FunctionalMailbox);
    }
}
