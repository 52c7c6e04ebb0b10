using System.Globalization;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Persistence.Seed;

/// <summary>
/// Adds the reference data that is missing and leaves what is there alone, so a restart adds nothing
/// and an administrator's later changes survive. All rows go in one transaction.
/// </summary>
internal sealed class ReferenceDataSeeder(CaseworkDbContext db, TimeProvider time)
{
    public Task<int> SeedAsync(CancellationToken cancellationToken) => db.InWriteTransactionAsync(SeedInTransactionAsync, cancellationToken);

    private async Task<int> SeedInTransactionAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.Include(o => o.Population).ToDictionaryAsync(o => o.Code, cancellationToken);
        var added = 0;

        foreach (var organisation in ReferenceOrganisations.NonGemeenten())
        {
            if (organisations.TryAdd(organisation.Code, organisation))
            {
                db.Organisations.Add(organisation);
                added++;
            }
        }

        var gemeenten = SeedResources.Gemeenten();
        foreach (var row in gemeenten.Concat(SeedResources.Gemeenten2024()))
        {
            if (!organisations.TryGetValue(row.CbsCode, out var gemeente))
            {
                gemeente = Organisation.Gemeente(row.CbsCode, row.Name, row.Province);
                organisations.Add(gemeente.Code, gemeente);
                db.Organisations.Add(gemeente);
                added++;
            }

            if (gemeente.Population.All(p => p.ReferenceDate != row.PopulationDate))
            {
                gemeente.RecordPopulation(row.PopulationDate, row.Population);
                added++;
            }
        }

        var byName = gemeenten.ToDictionary(g => g.Name, g => g.CbsCode, StringComparer.Ordinal);
        var focusgebieden = await db.Focusgebieden.Select(f => f.Code).ToHashSetAsync(cancellationToken);
        foreach (var row in SeedResources.Focusgebieden())
        {
            var code = Focusgebied.Slug(row.Name);
            var alliance = ReferenceOrganisations.Alliance(code, row.Name);
            if (organisations.TryAdd(alliance.Code, alliance))
            {
                db.Organisations.Add(alliance);
                added++;
            }

            if (focusgebieden.Add(code))
            {
                if (!byName.TryGetValue(row.Gemeente, out var gemeenteCode))
                {
                    throw new InvalidOperationException($"Focusgebied '{row.Name}' names gemeente '{row.Gemeente}', which is not in gemeenten.csv.");
                }

                // Department codes are upper case throughout (JENV, not JenV), as workflow definitions route to them.
                db.Focusgebieden.Add(new Focusgebied(code, row.Name, gemeenteCode, alliance.Code, row.Department?.ToUpperInvariant()));
                added++;
            }
        }

        added += await SeedDesignatedRegionsAsync(organisations.Keys, cancellationToken);
        added += await SeedTranchesAsync(cancellationToken);
        added += await SeedEquatedDaysAsync(cancellationToken);
        added += await SeedKernindicatorenAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// The kernindicatoren of kernindicatoren.csv (NPLV 6.1), each number once; measurements are never seeded (no figure
    /// is invented). A number already stored is left alone, so a Beheerder's own entry survives a restart.
    /// </summary>
    private async Task<int> SeedKernindicatorenAsync(CancellationToken cancellationToken)
    {
        var known = (await db.Set<Features.Programme.Indicator>().Where(i => i.Number != null).Select(i => i.Number!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var row in SeedResources.Kernindicatoren())
        {
            if (row.Number is < 1 or > 15 || !Features.Programme.Actielijnen.All.ContainsKey(row.Actielijn))
            {
                throw new InvalidOperationException($"kernindicatoren.csv row {row.Number}: the number must be 1-15 and the actielijn one of {Features.Programme.Actielijnen.Choices}.");
            }

            if (known.Add(row.Number))
            {
                var better = string.Equals(row.Better, "lager", StringComparison.OrdinalIgnoreCase) ? Features.Programme.BetterDirection.Lager : Features.Programme.BetterDirection.Hoger;
                db.Add(new Features.Programme.Indicator(string.Create(CultureInfo.InvariantCulture, $"K{row.Number:00}"), row.Number, row.Name, row.Actielijn, row.Unit, better, row.UsualSource, null, "seed", time.GetUtcNow()));
                added++;
            }
        }

        return added;
    }

    /// <summary>Members of designated housing-market regions (woningmarktregios.csv), each gemeente once per set.</summary>
    private async Task<int> SeedDesignatedRegionsAsync(IEnumerable<string> organisationCodes, CancellationToken cancellationToken)
    {
        var codes = organisationCodes.ToHashSet(StringComparer.Ordinal);
        var existing = (await db.Set<Features.Applications.DesignatedRegionMember>().Select(m => new { m.RegionSet, m.GemeenteCbsCode }).ToListAsync(cancellationToken))
            .Select(m => (m.RegionSet, m.GemeenteCbsCode)).ToHashSet();
        var added = 0;
        foreach (var row in SeedResources.DesignatedRegions())
        {
            if (!codes.Contains(row.GemeenteCbsCode))
            {
                throw new InvalidOperationException($"woningmarktregios.csv names '{row.GemeenteCbsCode}', which is not a gemeente in gemeenten.csv.");
            }

            if (existing.Add((row.RegionSet, row.GemeenteCbsCode)))
            {
                db.Add(new Features.Applications.DesignatedRegionMember(row.RegionSet, row.Region, row.GemeenteCbsCode));
                added++;
            }
        }

        return added;
    }

    /// <summary>The VHF and WBI rounds of tranches.csv, each with its rule set (docs/domain.md) and its ledger.</summary>
    private async Task<int> SeedTranchesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Set<Tranche>().Select(t => new { t.Regeling, t.Name }).ToListAsync(cancellationToken);
        var known = existing.Select(t => (t.Regeling, t.Name)).ToHashSet();
        var added = 0;
        foreach (var row in SeedResources.Tranches())
        {
            var regeling = Enum.Parse<Regeling>(row.Regeling, ignoreCase: true);
            if (!known.Add((regeling, row.Round)))
            {
                continue;
            }

            var id = Guid.NewGuid();
            var tranche = Tranche.Announce(
                id,
                regeling,
                row.Round,
                string.IsNullOrWhiteSpace(row.AnnouncedOn) ? null : DateOnly.ParseExact(row.AnnouncedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                LocalInstant(row.OpensAt),
                LocalInstant(row.ClosesAt),
                HistoricRuleSets.For(regeling, row.Round),
                row.Toelichting);
            db.Add(tranche);
            db.Add(RoundBudget.Open(new RoundBudgetId(id), regeling, row.Round, new Money(row.CeilingEur)));
            added++;
        }

        return added;
    }

    /// <summary>
    /// The besluiten gelijkstelling of gelijkgestelde-dagen.csv (Atw art. 3 lid 3), one row per day. A besluit already
    /// stored (by title) is left alone, so one that a Beheerder added or a later seed file both survive a restart.
    /// </summary>
    private async Task<int> SeedEquatedDaysAsync(CancellationToken cancellationToken)
    {
        var stored = await db.EquatedDaysDecrees.AsNoTracking().ToListAsync(cancellationToken);
        var known = new EquatedDays(stored);
        var added = 0;
        foreach (var besluit in SeedResources.EquatedDays().GroupBy(r => r.Besluit, StringComparer.Ordinal))
        {
            if (known.Decrees.Any(d => string.Equals(d.Title, besluit.Key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var years = besluit.Select(r => (r.FirstYear, r.LastYear)).Distinct().ToList();
            if (years.Count != 1)
            {
                throw new InvalidOperationException($"gelijkgestelde-dagen.csv gives '{besluit.Key}' more than one range of years.");
            }

            var decree = EquatedDaysDecree.Record(Guid.NewGuid(), besluit.Key, years[0].FirstYear, years[0].LastYear, besluit.Select(r => r.Date), known, time.GetUtcNow(), "referentiegegevens");
            db.EquatedDaysDecrees.Add(decree);
            known = new EquatedDays([.. known.Decrees, decree]);
            added++;
        }

        return added;
    }

    /// <summary>tranches.csv holds Europe/Amsterdam local times; we store UTC instants.</summary>
    private static DateTimeOffset? LocalInstant(string? local)
    {
        if (string.IsNullOrWhiteSpace(local))
        {
            return null;
        }

        var value = DateTime.ParseExact(local, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(value, AmsterdamClock.TimeZone.GetUtcOffset(value)).ToUniversalTime();
    }
}
