using System.Text.Json;
using System.Text.Json.Nodes;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Casework.Web.Features.Applications;

/// <summary>
/// RFC 7396 JSON Merge Patch of a draft: the patch is merged into the draft as it is now (in the shape of the
/// <c>PUT</c> body) and the result goes through the same command as <c>PUT</c>, so shape validation (400), the
/// concept-only rule (409) and If-Match (409/428) are the same. A member set to null removes it (e.g.
/// <c>"focusgebied": null</c> with <c>"otherArea": "..."</c> moves the project to another area).
/// </summary>
internal static class ApplicationMergePatch
{
    public const string MediaType = "application/merge-patch+json";

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject is { } existing ? existing.DeepClone().AsObject() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }

    public static ApplicationRequest ToRequest(ApplicationDto a) => new(
        a.TrancheId,
        a.ProjectName,
        a.Focusgebied,
        a.OtherArea,
        a.JointMembers,
        a.Homes,
        a.MaxKoopPrice,
        a.InvestmentVolume,
        a.FinancialDeficit,
        a.RequestedAmount,
        a.OwnContribution,
        a.GemeenteProjectCosts,
        a.PrimaryActivitiesAmount,
        a.SecondaryActivitiesAmount,
        a.PlannedConstructionStartDate,
        a.PlannedCompletionDate,
        a.ResidentsInterests,
        a.Herkansing,
        a.PreviousApplicationReference)
    {
        StudentHousing = a.StudentHousing,
    };

    public static RouteGroupBuilder MapApplicationMergePatch(this RouteGroupBuilder group)
    {
        group.MapPatch("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpRequest request, IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
            {
                var version = IfMatch.Required(ifMatch, "de aanvraag");
                if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), MediaType, StringComparison.OrdinalIgnoreCase))
                {
                    throw ApiProblemException.Of(ProblemTypes.UnsupportedMediaType, $"Stuur een JSON Merge Patch ({MediaType}, RFC 7396).");
                }

                var options = json.Value.SerializerOptions;
                JsonNode? patch;
                try
                {
                    patch = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
                }
                catch (JsonException)
                {
                    throw ApiProblemException.Of(ProblemTypes.BadRequest, "De merge patch is geen geldige JSON.");
                }

                if (patch is not JsonObject)
                {
                    throw ApiProblemException.Of(ProblemTypes.BadRequest, "De merge patch is een JSON-object met de velden die wijzigen.");
                }

                var current = await mediator.Send(new GetApplicationQuery(id), ct);
                var merged = Apply(JsonSerializer.SerializeToNode(ToRequest(current), options), patch);
                ApplicationRequest? body;
                try
                {
                    body = merged.Deserialize<ApplicationRequest>(options);
                }
                catch (JsonException e)
                {
                    throw ApiProblemException.Of(ProblemTypes.BadRequest, $"Na het samenvoegen is de aanvraag onleesbaar ({e.Path}).");
                }

                var dto = await mediator.Send(new ReviseApplicationCommand(id, version, body), ct);
                request.HttpContext.Response.Headers.ETag = EndpointConventions.ETag(dto.Version);
                return dto;
            })
            .Accepts<ApplicationRequest>(MediaType)
            .WithName("patchApplication")
            .WithSummary("Een concept-aanvraag deels wijzigen met JSON Merge Patch (RFC 7396); If-Match bevat de versie")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return group;
    }
}
