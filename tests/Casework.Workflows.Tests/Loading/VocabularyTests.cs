using Casework.Workflows.Loading;
using Casework.Workflows.Vocabulary;

namespace Casework.Workflows.Tests.Loading;

public class VocabularyTests
{
    [Fact]
    public async Task GuardCatalog_WhenComparedWithShippedDefinitions_HoldsExactlyTheGuardsTheyUse()
    {
        var catalog = (await new DefinitionLoader(LintOptions.Default).LoadDirectoryAsync(TestPaths.Definitions)).ToCatalog();

        var used = catalog.All.SelectMany(d => d.Definition.Actions).SelectMany(a => a.Guards).Select(g => g.Name).ToHashSet();

        Assert.Equal(GuardCatalog.Names.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EffectCatalog_WhenLookingUpStartDeadline_KnowsItsParameters()
    {
        var spec = EffectCatalog.Find("startDeadline");

        Assert.NotNull(spec);
        Assert.Equal(["kind", "onExpiry", "warnDaysBefore"], spec.Params.Select(p => p.Name));
        Assert.Equal(["kind"], spec.Params.Where(p => p.Required).Select(p => p.Name));
        Assert.Null(EffectCatalog.Find("stuurFax"));
    }

    [Theory]
    [InlineData("RVO", true)]
    [InlineData("GM0363", true)]
    [InlineData("lead-department", true)]
    [InlineData("Lead-department", false)]
    [InlineData("rvo", false)]
    public void RouteTargets_WhenValidating_AcceptsCodesAndCaseRolesOnly(string value, bool valid)
    {
        Assert.Equal(valid, RouteTargets.IsValid(value));
    }
}
