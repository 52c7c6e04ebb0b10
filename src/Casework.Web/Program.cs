using System.Text.Json.Serialization;
using Casework.Web.Api;
using Casework.Web.Features.Reference;
using Casework.Web.Infrastructure;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddCaseworkProblemDetails();
builder.Services.AddCaseworkOpenApi();
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.GenerateTypesAsInternal = true;
});
builder.Services.AddCaseworkPersistence(builder.Configuration, builder.Environment);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();

// Request logging outermost, so it records the status the client really got.
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodeProblems();
app.UseApiVersionHeader();

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).ExcludeFromDescription();
app.MapOpenApi(OpenApiSetup.DocumentPath.Replace("v1/openapi.json", "{documentName}/openapi.json", StringComparison.Ordinal)).ExcludeFromDescription();
app.MapScalarApiReference("/api-docs", options => options
    .WithTitle("Casework API")
    .WithOpenApiRoutePattern(OpenApiSetup.DocumentPath)).ExcludeFromDescription();

var api = app.MapGroup(ApiVersion.BasePath);
api.MapReferenceEndpoints();

app.Run();

/// <summary>Entry point; public so the test host (WebApplicationFactory) can find it.</summary>
public partial class Program;
