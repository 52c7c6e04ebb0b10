using Casework.Domain.Funding;
using Casework.Domain.Tests.Funding.Builders;

namespace Casework.Domain.Tests.Funding;

public class HerkansingTests
{
    private static readonly DateTimeOffset T5Closed = AdmissionContextBuilder.Local("2023-03-31T23:59");

    private static HerkansingFacts Rejected(string gemeente = "GM0344", bool rejected = true, bool? sameProject = true) =>
        new("WBI-T5-0042", gemeente, rejected, sameProject, T5Closed);

    private static List<string> Codes(HerkansingFacts? previous, DateTimeOffset opensAt, string reference = "WBI-T5-0042", bool loketJudgementRequired = false)
    {
        var context = AdmissionContextBuilder.WbiT6().OpeningAt(opensAt);
        if (previous is not null)
        {
            context.WithPreviousApplication(previous);
        }

        return AdmissionRules.Evaluate(ApplicationBuilder.Wbi().AsHerkansingOf(reference).Build(), context.Build() with { LoketJudgementsRequired = loketJudgementRequired })
            .Select(r => r.Code).ToList();
    }

    [Fact]
    public void Evaluate_AtSubmissionBeforeLoketJudgedSameProject_HerkansingNotYetRefused()
    {
        Assert.DoesNotContain("WBI-HERKANSING", Codes(Rejected(sameProject: null), T5Closed.AddDays(30)));
    }

    [Fact]
    public void Evaluate_AtAdmissionWithoutLoketJudgement_HerkansingRefused()
    {
        Assert.Contains("WBI-HERKANSING", Codes(Rejected(sameProject: null), T5Closed.AddDays(30), loketJudgementRequired: true));
    }

    [Fact]
    public void Evaluate_AtAdmissionWhenLoketJudgedSameProject_HerkansingAllowed()
    {
        Assert.DoesNotContain("WBI-HERKANSING", Codes(Rejected(sameProject: true), T5Closed.AddDays(30), loketJudgementRequired: true));
    }

    [Fact]
    public void Evaluate_WhenRejectedSameProjectAndOpeningExactly17WeeksAfterClose_HerkansingAllowed()
    {
        Assert.DoesNotContain("WBI-HERKANSING", Codes(Rejected(), T5Closed.AddDays(7 * 17)));
    }

    [Fact]
    public void Evaluate_WhenOpeningOneMinuteAfter17Weeks_HerkansingRefused()
    {
        Assert.Contains("WBI-HERKANSING", Codes(Rejected(), T5Closed.AddDays(7 * 17).AddMinutes(1)));
    }

    [Fact]
    public void Evaluate_WhenPreviousApplicationWasNotRejected_HerkansingRefused()
    {
        Assert.Contains("WBI-HERKANSING", Codes(Rejected(rejected: false), T5Closed.AddDays(30)));
    }

    [Fact]
    public void Evaluate_WhenPreviousApplicationFromOtherGemeente_HerkansingRefused()
    {
        Assert.Contains("WBI-HERKANSING", Codes(Rejected(gemeente: "GM0363"), T5Closed.AddDays(30)));
    }

    [Fact]
    public void Evaluate_WhenDifferentProject_HerkansingRefused()
    {
        Assert.Contains("WBI-HERKANSING", Codes(Rejected(sameProject: false), T5Closed.AddDays(30)));
    }

    [Fact]
    public void Evaluate_WhenNoPreviousApplicationKnown_HerkansingRefused()
    {
        Assert.Contains("WBI-HERKANSING", Codes(null, T5Closed.AddDays(30)));
    }

    [Fact]
    public void Evaluate_WhenVhfApplicationClaimsHerkansing_RefusedBecauseVhfHasNone()
    {
        var application = ApplicationBuilder.Vhf().AsHerkansingOf("VHF-2023-0001").Build();

        var codes = AdmissionRules.Evaluate(application, AdmissionContextBuilder.Vhf2023().Build()).Select(r => r.Code);

        Assert.Contains("VHF-HERKANSING", codes);
    }
}
