using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Domain.Funding;
using Casework.Web.Persistence;

namespace Casework.Web.Features.Cases;

/// <summary>
/// The search box of the case lists (<c>zoek</c>): a case matches when the words typed occur, in any case, in its
/// zaaknummer, its title (a project or a knelpunt), the name of the gemeente or other organisation that filed it
/// (or of a member gemeente of a joint application), the project name of an application, or, for a knelpunt, the
/// name or BWB-id of the law it is about. It narrows a query; it never widens one: callers apply it to a query that
/// is already <see cref="CaseAccess.VisibleTo"/> the actor, so a search finds nothing the list would not show.
/// </summary>
/// <remarks>
/// Case-insensitive on both providers by comparing <c>lower()</c> of the column with the lower-cased term
/// (PostgreSQL's LIKE and strpos are case-sensitive; SQLite's <c>lower()</c> folds ASCII letters only, so there an
/// upper-case letter with an accent matches only itself).
/// </remarks>
internal static class CaseSearch
{
    /// <summary>Longer input is no search term (and would only cost the database a scan per character).</summary>
    public const int MaxLength = 100;

    /// <summary>The term to search for, trimmed and lower-cased; null when there is none. Too long: 400 naming <c>zoek</c>.</summary>
    public static string? Term(string? zoek)
    {
        var term = zoek?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }

        return term.Length <= MaxLength
            ? term.ToLowerInvariant()
            : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("zoek", $"De zoekterm is te lang: hoogstens {MaxLength} tekens.")]);
    }

    /// <summary>What a page sends: the box's text cut to the length a search takes, so a page never refuses it.</summary>
    public static string? FromBox(string? zoek)
    {
        var term = zoek?.Trim();
        return string.IsNullOrEmpty(term) ? null : term.Length <= MaxLength ? term : term[..MaxLength];
    }

    /// <summary>The cases of <paramref name="cases"/> that match <paramref name="zoek"/>; all of them when it is empty.</summary>
    public static IQueryable<CaseFile> Matching(this IQueryable<CaseFile> cases, CaseworkDbContext db, string? zoek)
    {
        if (Term(zoek) is not { } term)
        {
            return cases;
        }

        var organisations = db.Organisations;
        var applications = db.Set<FundingApplication>();
        var knelpunten = db.Set<Knelpunt>();
#pragma warning disable CA1304, CA1311, CA1862 // An expression for the database: ToLower() is its lower(), Contains its instr/strpos; the culture overloads do not translate.
        return cases.Where(c =>
            c.Reference.ToLower().Contains(term)
            || c.Title.ToLower().Contains(term)
            || organisations.Any(o => (o.Code == c.OwningOrganisation || c.Members.Any(m => m.OrganisationCode == o.Code)) && o.Name.ToLower().Contains(term))
            || applications.Any(a => a.Id == c.Id && a.ProjectName.ToLower().Contains(term))
            || knelpunten.Any(k => k.CaseId == c.Id && (k.Wet.Naam.ToLower().Contains(term) || (k.Wet.BwbId != null && k.Wet.BwbId.ToLower().Contains(term)))));
#pragma warning restore CA1304, CA1311, CA1862
    }
}
