using Casework.Domain.Organisations;
using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Reference;

internal static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags("Referentiegegevens");

        group.MapGet("/gemeenten", (string? province, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListGemeentenQuery(province, cursor, limit), ct))
            .WithName("listGemeenten")
            .WithSummary("Alle gemeenten met CBS-code, provincie en inwonertal per peildatum")
            .Produces<Page<GemeenteDto>>();

        group.MapGet("/focusgebieden", (IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListFocusgebiedenQuery(), ct))
            .WithName("listFocusgebieden")
            .WithSummary("De 20 stedelijke focusgebieden met hun gemeente, alliantie en rijksvertegenwoordiger")
            .Produces<IReadOnlyList<FocusgebiedDto>>();

        group.MapGet("/organisaties", (OrganisationKind? kind, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListOrganisatiesQuery(kind, cursor, limit), ct))
            .WithName("listOrganisaties")
            .WithSummary("Gemeenten, departementen, uitvoeringsorganisaties, gremia, toetsingscommissies en allianties")
            .Produces<Page<OrganisatieDto>>();

        group.MapEquatedDaysReads();
        return api;
    }
}
