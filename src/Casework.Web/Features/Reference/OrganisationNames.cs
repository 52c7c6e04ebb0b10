using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Reference;

/// <summary>
/// The names of the organisations with these codes (gemeenten, departments, bodies, alliances), for a list or a
/// download that shows who holds a case by name rather than by code. A code without an organisation is left out;
/// organisations are reference data, public like <c>GET /api/v1/reference/organisaties</c>.
/// </summary>
public sealed record OrganisationNamesQuery(IReadOnlyCollection<string> Codes) : IQuery<IReadOnlyDictionary<string, string>>;

internal sealed class OrganisationNamesHandler(CaseworkDbContext db) : IQueryHandler<OrganisationNamesQuery, IReadOnlyDictionary<string, string>>
{
    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(OrganisationNamesQuery query, CancellationToken cancellationToken)
    {
        var codes = query.Codes.Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, cancellationToken);
    }
}
