using System.Text.Json.Serialization;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.AfterAward;
using Casework.Web.Features.Audit;
using Casework.Web.Features.Auth;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Deadlines;
using Casework.Web.Features.Delivery;
using Casework.Web.Features.Demo;
using Casework.Web.Features.Documents;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Features.Letters;
using Casework.Web.Features.Pages;
using Casework.Web.Features.Programme;
using Casework.Web.Features.Reference;
using Casework.Web.Features.Tranches;
using Casework.Web.Features.Workflows;
using Casework.Web.Infrastructure;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Pipeline;
using Casework.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Serilog;

if (Cli.IsDefinitionsValidate(args))
{
    var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray()).Build();
    return await Cli.ValidateDefinitionsAsync(args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray(), configuration);
}

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
    options.PipelineBehaviors = [typeof(WriteAccessBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
});
DutchValidation.Configure();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.AddCaseworkPersistence(builder.Configuration, builder.Environment);
builder.Services.AddCaseworkWorkflows(builder.Configuration);
var devSignIn = DevSignInPolicy.From(builder.Configuration, builder.Environment);
builder.Services.AddCaseworkAuthentication(builder.Configuration, builder.Environment, devSignIn);
builder.Services.AddCaseworkWebSecurity(builder.Configuration, builder.Environment);
builder.Services.AddCaseworkAudit(builder.Configuration);
builder.Services.AddLegalClock();
builder.Services.AddApplications();
builder.Services.AddAfterAward();
builder.Services.AddEscalation();
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddLetters();
builder.Services.AddDelivery(builder.Configuration, builder.Environment);
builder.Services.AddProgramme();
builder.Services.AddCaseworkPages(devSignIn);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDemo(builder.Configuration, builder.Environment, args);

var app = builder.Build();

if (Cli.IsAuditVerify(args))
{
    return await Cli.VerifyAuditAsync(app.Services);
}

if (DemoSetup.IsDemoCommand(args))
{
    return await DemoCommand.RunAsync(app.Services);
}

devSignIn.WarnAtStart(app.Logger);

// Request logging outermost, so it records the status the client really got. A 503 is an outage already logged once
// where it is noticed (the identity provider), so its requests are not each an error.
app.UseSerilogRequestLogging(o => o.GetLevel = (http, _, exception) =>
    exception is not null || (http.Response.StatusCode >= StatusCodes.Status500InternalServerError && http.Response.StatusCode != StatusCodes.Status503ServiceUnavailable)
        ? Serilog.Events.LogEventLevel.Error
        : Serilog.Events.LogEventLevel.Information);
app.UseCaseworkSecurityHeaders();
app.UseCaseworkExceptionHandler();
app.UseStatusCodeProblems();

// Routing after the error handlers, so that re-executing the error page (/fout) routes again.
app.UseRouting();
app.UseApiVersionHeader();
app.UseApiRequestBodyLimit();
app.UseDevSignInGate();

// The pages' stylesheet (wwwroot), public and before authentication; the security headers above still apply.
app.UseStaticFiles();
app.UseAuthentication();
app.UseAccessAudit();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

// Every endpoint needs a signed-in Casework user unless it is mapped as anonymous here (deny by default).
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous().ExcludeFromDescription();
// The document name is the major version, so this serves /api/v1/openapi.json.
app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous().ExcludeFromDescription();
app.MapScalarApiReference("/api-docs", options => options
    .WithTitle("Casework API")
    .WithOpenApiRoutePattern(OpenApiSetup.DocumentPath)
    .WithNonce()
    .DisableDefaultFonts()
    .DisableTelemetry()).AllowAnonymous().ExcludeFromDescription();
app.MapSignInEndpoints();
app.MapCaseworkPages();

var api = app.MapGroup(ApiVersion.BasePath);
var publicApi = api.MapGroup(string.Empty).AllowAnonymous();
publicApi.MapReferenceEndpoints();
publicApi.MapTrancheEndpoints();
publicApi.MapWorkflowEndpoints();
api.MapCaseEndpoints();
api.MapAuditEndpoints();
publicApi.MapLegalClockEndpoints();
api.MapApplicationEndpoints();
api.MapAfterAwardEndpoints();
api.MapTrancheAdministrationEndpoints();

api.MapEquatedDaysAdministration();
api.MapBeslistermijnVerdaging();
api.MapEscalationEndpoints();
api.MapDocumentEndpoints();
api.MapDeliveryEndpoints();
api.MapProgrammeEndpoints();
if (devSignIn.IsOn)
{
    api.MapDevTokenEndpoints();
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test host (WebApplicationFactory) can find it.</summary>
public partial class Program;
