using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// Reference data: one gemeente in one designated housing-market region of a region set (WBI T3: 500 homes in
/// 13 named regions, 200 elsewhere). Seeded from woningmarktregios.csv; the rule set names the set it uses.
/// </summary>
internal sealed class DesignatedRegionMember
{
    private DesignatedRegionMember()
    {
        RegionSet = string.Empty;
        Region = string.Empty;
        GemeenteCbsCode = string.Empty;
    }

    public DesignatedRegionMember(string regionSet, string region, string gemeenteCbsCode)
    {
        RegionSet = regionSet;
        Region = region;
        GemeenteCbsCode = gemeenteCbsCode;
    }

    public string RegionSet { get; private set; }

    public string Region { get; private set; }

    public string GemeenteCbsCode { get; private set; }
}

internal static class DesignatedRegions
{
    /// <summary>
    /// Whether the project lies in a designated region of the round's set. The project is taken to lie in the
    /// applicant's (for a regio: the lead's) gemeente, as for the gemeente-size threshold.
    /// </summary>
    public static async Task<bool> ContainsAsync(CaseworkDbContext db, MinimumHomesParameter minimum, string gemeenteCbsCode, CancellationToken ct) =>
        minimum.HomesInDesignatedRegion is not null
        && minimum.DesignatedRegionSet is { } set
        && await db.Set<DesignatedRegionMember>().AsNoTracking().AnyAsync(m => m.RegionSet == set && m.GemeenteCbsCode == gemeenteCbsCode, ct);
}
