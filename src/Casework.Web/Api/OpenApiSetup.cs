using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Casework.Web.Api;

/// <summary>
/// Shapes the generated OpenAPI document to the NLGov REST API Design Rules 2.0: a <c>/v1</c> server
/// URL (paths relative to it), <c>info.contact</c>, a semver version, an <c>API-Version</c> header on
/// every 2xx/3xx response, problem+json on every error response and a documented 400 wherever an
/// operation takes input. The official Spectral ruleset checks the result in a test.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public const string DocumentPath = ApiVersion.BasePath + "/openapi.json";

    public static IServiceCollection AddCaseworkOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiVersion.BasePath[1..], StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                Shape(document);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    internal static void Shape(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Casework API",
            Version = ApiVersion.Full,
            Description = "Zaakgericht werken voor het Nationaal Programma Leefbaarheid en Veiligheid: aanvragen VHF en WBI, knelpunten en vastlopers.",
            Contact = new OpenApiContact
            {
                Name = "Casework beheer (NPLV)",
                Email = "casework@nplv.nl",
                Url = new Uri("https://casework.nplv.nl/contact"),
            },
            License = new OpenApiLicense { Name = "EUPL-1.2", Url = new Uri("https://eupl.eu/1.2/nl/") },
        };
        document.Servers = [new OpenApiServer { Url = ApiVersion.BasePath, Description = "Deze omgeving" }];

        var components = document.Components ??= new OpenApiComponents();
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        components.Schemas["ProblemDetails"] = ProblemSchema();
        components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        components.Headers[ApiVersion.HeaderName] = new OpenApiHeader
        {
            Description = "De volledige versie van de API (semver).",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create(ApiVersion.Full)!] },
        };

        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var relative = path.StartsWith(ApiVersion.BasePath, StringComparison.Ordinal) ? path[ApiVersion.BasePath.Length..] : path;
            paths[relative.Length == 0 ? "/" : relative] = item;
            foreach (var (method, operation) in item.Operations ?? [])
            {
                ShapeOperation(document, method, operation, item);
            }
        }

        document.Paths = paths;
    }

    private static void ShapeOperation(OpenApiDocument document, HttpMethod method, OpenApiOperation operation, IOpenApiPathItem item)
    {
        var responses = operation.Responses ??= new OpenApiResponses();
        var hasParameters = (operation.Parameters?.Count ?? 0) > 0 || (item.Parameters?.Count ?? 0) > 0;
        var takesInput = method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch
            || ((method == HttpMethod.Get || method == HttpMethod.Delete) && hasParameters);
        if (takesInput && !responses.ContainsKey("400"))
        {
            responses["400"] = new OpenApiResponse { Description = "Ongeldige invoer" };
        }

        foreach (var (status, response) in responses.ToList())
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (status.StartsWith('2') || status.StartsWith('3'))
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[ApiVersion.HeaderName] = new OpenApiHeaderReference(ApiVersion.HeaderName, document);
            }
            else if (status.StartsWith('4') || status.StartsWith('5'))
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                };
            }
        }
    }

    private static OpenApiSchema ProblemSchema()
    {
        static OpenApiSchema Str(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 Problem Details. Bij regelovertredingen bevat brokenRules elke overtreden regel met code, melding en bron; bij ongeldige invoer bevat errors de meldingen per veld.",
            Required = new HashSet<string> { "type", "title", "status", "detail" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Str("URI die het soort probleem aanduidt."),
                ["title"] = Str("Korte, vaste omschrijving van het soort probleem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "HTTP-statuscode." },
                ["detail"] = Str("Uitleg voor deze keer."),
                ["instance"] = Str("Het pad van het verzoek."),
                ["code"] = Str("Stabiele code van het soort probleem."),
                ["traceId"] = Str("Kenmerk om het verzoek in de logging terug te vinden."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Meldingen per veld (bij ongeldige invoer).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["brokenRules"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "Overtreden regels, elk met de wettelijke bron.",
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["code"] = Str("Code van de regel."),
                            ["message"] = Str("Wat er mis is."),
                            ["source"] = Str("Het artikel van de regeling."),
                        },
                    },
                },
            },
        };
    }
}
