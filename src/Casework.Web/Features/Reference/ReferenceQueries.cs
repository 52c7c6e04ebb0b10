using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Reference;

public sealed record GemeenteDto(string CbsCode, string Name, string Province, int? Population, DateOnly? PopulationDate, IReadOnlyList<PopulationFigureDto> PopulationFigures);

public sealed record PopulationFigureDto(DateOnly ReferenceDate, int Inhabitants);

public sealed record FocusgebiedDto(string Code, string Name, string GemeenteCode, string GemeenteName, string AllianceCode, string? RijksvertegenwoordigerDepartment);

public sealed record OrganisatieDto(string Code, string Name, OrganisationKind Kind, string? ParentCode);

public sealed record ListGemeentenQuery(string? Province, string? Cursor, int? Limit) : IQuery<Page<GemeenteDto>>;

public sealed record ListFocusgebiedenQuery : IQuery<IReadOnlyList<FocusgebiedDto>>;

public sealed record ListOrganisatiesQuery(OrganisationKind? Kind, string? Cursor, int? Limit) : IQuery<Page<OrganisatieDto>>;

internal sealed class ReferenceQueryHandlers(CaseworkDbContext db) :
    IQueryHandler<ListGemeentenQuery, Page<GemeenteDto>>,
    IQueryHandler<ListFocusgebiedenQuery, IReadOnlyList<FocusgebiedDto>>,
    IQueryHandler<ListOrganisatiesQuery, Page<OrganisatieDto>>
{
    public async ValueTask<Page<GemeenteDto>> Handle(ListGemeentenQuery query, CancellationToken cancellationToken)
    {
        var limit = Cursor.Limit(query.Limit);
        var after = Cursor.Decode(query.Cursor);
        var gemeenten = db.Organisations.AsNoTracking().Include(o => o.Population).Where(o => o.Kind == OrganisationKind.Gemeente);
        if (!string.IsNullOrWhiteSpace(query.Province))
        {
            gemeenten = gemeenten.Where(o => o.Province == query.Province);
        }

        if (after is not null)
        {
            gemeenten = gemeenten.Where(o => o.Code.CompareTo(after) > 0);
        }

        var rows = await gemeenten.OrderBy(o => o.Code).Take(limit + 1).ToListAsync(cancellationToken);
        var dtos = rows.Select(o =>
        {
            var latest = o.LatestPopulation;
            return new GemeenteDto(
                o.Code,
                o.Name,
                o.Province!,
                latest?.Inhabitants,
                latest?.ReferenceDate,
                o.Population.OrderBy(p => p.ReferenceDate).Select(p => new PopulationFigureDto(p.ReferenceDate, p.Inhabitants)).ToList());
        }).ToList();
        return Cursor.ToPage(dtos, limit, g => g.CbsCode);
    }

    public async ValueTask<IReadOnlyList<FocusgebiedDto>> Handle(ListFocusgebiedenQuery query, CancellationToken cancellationToken)
    {
        return await (
            from f in db.Focusgebieden.AsNoTracking()
            join g in db.Organisations.AsNoTracking() on f.GemeenteCode equals g.Code
            orderby f.Name
            select new FocusgebiedDto(f.Code, f.Name, f.GemeenteCode, g.Name, f.AllianceCode, f.RijksvertegenwoordigerDepartment))
            .ToListAsync(cancellationToken);
    }

    public async ValueTask<Page<OrganisatieDto>> Handle(ListOrganisatiesQuery query, CancellationToken cancellationToken)
    {
        var limit = Cursor.Limit(query.Limit);
        var after = Cursor.Decode(query.Cursor);
        var organisations = db.Organisations.AsNoTracking();
        if (query.Kind is { } kind)
        {
            organisations = organisations.Where(o => o.Kind == kind);
        }

        if (after is not null)
        {
            organisations = organisations.Where(o => o.Code.CompareTo(after) > 0);
        }

        var rows = await organisations.OrderBy(o => o.Code)
            .Select(o => new OrganisatieDto(o.Code, o.Name, o.Kind, o.ParentCode))
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, limit, o => o.Code);
    }
}
