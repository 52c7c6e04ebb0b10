using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Api;

/// <summary>
/// One place where every error becomes RFC 9457 ProblemDetails: status-code responses without a
/// body (404, 405, 415 ...) and exceptions alike, each with a stable <c>type</c>/<c>code</c>, a
/// Dutch title and detail, and the trace id.
/// </summary>
internal static partial class ProblemDetailsSetup
{
    public static IServiceCollection AddCaseworkProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<ExceptionToProblemHandler>();
        return services;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var kind = ProblemTypes.ForStatus(status);
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            problem.Type = kind.Uri;
            problem.Title = kind.Title;
        }

        problem.Extensions.TryAdd("code", kind.Code);
        problem.Detail ??= status == StatusCodes.Status401Unauthorized && Casework.Web.Infrastructure.Auth.AuthSetup.IsCookieOnlyApiWrite(context.HttpContext.Request)
            ? "Wijzigen via de API kan alleen met een bearer-token (Authorization: Bearer ...); de sessiecookie van de pagina's geldt in de API alleen voor lezen (bescherming tegen cross-site request forgery)."
            : DefaultDetail(status);
        problem.Instance ??= context.HttpContext.Request.Path;
        var traceId = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        problem.Extensions["traceId"] = traceId;
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            // The access audit (written as the response starts) records why.
            context.HttpContext.Items[Casework.Web.Infrastructure.Auth.AccessAuditWriter.RefusalDetailKey] = problem.Detail;
        }
    }

    private static string DefaultDetail(int status) => status switch
    {
        400 => "Het verzoek kon niet worden gelezen.",
        401 => "Meld u aan om deze gegevens te zien.",
        403 => "U hebt geen toestemming voor deze handeling.",
        404 => "De gevraagde bron bestaat niet of is niet voor u zichtbaar.",
        405 => "Deze HTTP-methode is op deze bron niet toegestaan.",
        413 => "Het verzoek is groter dan toegestaan.",
        415 => "Stuur JSON (application/json).",
        429 => "Te veel verzoeken; probeer het later opnieuw.",
        _ => status >= 500 ? "Er ging iets mis aan onze kant. Vermeld het traceId als u contact opneemt." : "Het verzoek is niet verwerkt.",
    };

    /// <summary>Maps exceptions that clients can cause to 4xx; everything else is a logged 500.</summary>
    private sealed partial class ExceptionToProblemHandler(IProblemDetailsService problems, ILogger<ExceptionToProblemHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var problem = ProblemMapper.ToProblem(exception);
            if (problem is null)
            {
                LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty);
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError };
            }
            else
            {
                LogClientError(problem.Status ?? 400, exception);
            }

            httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
            if (!Infrastructure.Auth.AuthSetup.IsApi(httpContext.Request))
            {
                // A page request: the exception handler re-executes the error page (UseCaseworkExceptionHandler).
                return false;
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = problem,
                Exception = exception,
            });
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
        private partial void LogUnhandled(Exception exception, string method, string path);

        // Client mistakes are expected traffic: logged below Error, with the reason.
        [LoggerMessage(Level = LogLevel.Information, Message = "Request refused with {Status}")]
        private partial void LogClientError(int status, Exception reason);
    }
}

/// <summary>Exceptions that stand for a client's mistake, and their ProblemDetails.</summary>
internal static class ProblemMapper
{
    public static ProblemDetails? ToProblem(Exception exception)
    {
        switch (exception)
        {
            case FluentValidation.ValidationException validation:
                var errors = validation.Errors
                    .GroupBy(e => ToCamelCasePath(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
                return new HttpValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ProblemTypes.Validation.Uri,
                    Title = ProblemTypes.Validation.Title,
                    Detail = "Een of meer velden zijn ongeldig; zie errors.",
                    Extensions = { ["code"] = ProblemTypes.Validation.Code },
                };
            case Casework.Domain.Common.BusinessRuleViolationException rules:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Type = ProblemTypes.RuleViolation.Uri,
                    Title = ProblemTypes.RuleViolation.Title,
                    Detail = rules.BrokenRules.Count == 1
                        ? rules.BrokenRules[0].Message
                        : $"{rules.BrokenRules.Count} regels zijn niet nageleefd; zie brokenRules.",
                    Extensions =
                    {
                        ["code"] = ProblemTypes.RuleViolation.Code,
                        ["brokenRules"] = rules.BrokenRules,
                    },
                };
            case ApiProblemException api:
                return api.Problem;
            case BadHttpRequestException badRequest:
                var kind = ProblemTypes.ForStatus(badRequest.StatusCode);
                return new ProblemDetails
                {
                    Status = badRequest.StatusCode,
                    Type = kind.Uri,
                    Title = kind.Title,
                    Detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "Het verzoek is groter dan toegestaan."
                        : "Het verzoek kon niet worden gelezen: " + badRequest.Message,
                    Extensions = { ["code"] = kind.Code },
                };
            case UnauthorizedAccessException:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Type = ProblemTypes.Unauthorized.Uri,
                    Title = ProblemTypes.Unauthorized.Title,
                    Detail = "Meld u aan als gebruiker van een organisatie met ten minste één rol.",
                    Extensions = { ["code"] = ProblemTypes.Unauthorized.Code },
                };
            case System.Text.Json.JsonException json:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ProblemTypes.BadRequest.Uri,
                    Title = ProblemTypes.BadRequest.Title,
                    Detail = "De JSON is ongeldig: " + json.Message,
                    Extensions = { ["code"] = ProblemTypes.BadRequest.Code },
                };
            case Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException:
                return Concurrent("De gegevens zijn intussen door een ander gewijzigd. Haal ze opnieuw op en probeer het nog eens.");
            case Microsoft.EntityFrameworkCore.DbUpdateException update when IsUniqueViolation(update):
                // Two requests raced for the same unique place (a reference number, an audit sequence, an
                // idempotency key): the loser changed nothing and may simply retry.
                return Concurrent("Een gelijktijdig verzoek was u net voor; er is niets gewijzigd. Probeer het nog eens.");
            default:
                return null;
        }
    }

    private static ProblemDetails Concurrent(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = ProblemTypes.ConcurrencyConflict.Uri,
        Title = ProblemTypes.ConcurrencyConflict.Title,
        Detail = detail,
        Extensions = { ["code"] = ProblemTypes.ConcurrencyConflict.Code },
    };

    /// <summary>SQLite: SQLITE_CONSTRAINT (19) with a UNIQUE/PRIMARY KEY message; SQL Server: 2601/2627.</summary>
    internal static bool IsUniqueViolation(Microsoft.EntityFrameworkCore.DbUpdateException update) => update.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19
            && (sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal) || sqlite.Message.Contains("PRIMARY KEY", StringComparison.Ordinal)),
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static string ToCamelCasePath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

/// <summary>Thrown by handlers to end a request with a specific problem (404, 409, 403 ...).</summary>
internal sealed class ApiProblemException(ProblemDetails problem) : Exception(problem.Detail)
{
    public ProblemDetails Problem { get; } = problem;

    public static ApiProblemException Of(ProblemTypes.ProblemType type, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = type.Status,
            Type = type.Uri,
            Title = type.Title,
            Detail = detail,
        };
        problem.Extensions["code"] = type.Code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return new ApiProblemException(problem);
    }

    public static ApiProblemException NotFound(string what) =>
        Of(ProblemTypes.NotFound, $"{what} bestaat niet of is niet voor u zichtbaar.");

    /// <summary>A 400 naming one field, shaped as the validators' answers (<c>errors: { field: [message] }</c>).</summary>
    public static ApiProblemException Validation(string field, string message)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation.Uri,
            Title = ProblemTypes.Validation.Title,
            Detail = message,
        };
        problem.Extensions["code"] = ProblemTypes.Validation.Code;
        return new ApiProblemException(problem);
    }
}

internal static class StatusCodeProblemMiddleware
{
    /// <summary>
    /// Exceptions a client can cause are answered as ProblemDetails on the API (ExceptionToProblemHandler); on the
    /// pages the same exception re-executes the error page (<c>/fout</c>) with the status the API would give.
    /// </summary>
    public static IApplicationBuilder UseCaseworkExceptionHandler(this IApplicationBuilder app) => app
        .UseExceptionHandler()
        .UseWhen(http => !Infrastructure.Auth.AuthSetup.IsApi(http.Request), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = Features.Pages.ErrorModel.Path,
            StatusCodeSelector = exception => ProblemMapper.ToProblem(exception)?.Status ?? StatusCodes.Status500InternalServerError,
        }));

    /// <summary>
    /// Responses that end without a body (404 for an unknown path, 405, 415) get ProblemDetails on the API, and the
    /// error page everywhere else: a person who follows a stale link reads a page, not JSON.
    /// </summary>
    public static IApplicationBuilder UseStatusCodeProblems(this IApplicationBuilder app) => app
        .UseWhen(http => !Infrastructure.Auth.AuthSetup.IsApi(http.Request), pages => pages.UseStatusCodePagesWithReExecute(Features.Pages.ErrorModel.Path))
        .UseWhen(http => Infrastructure.Auth.AuthSetup.IsApi(http.Request), api => api.UseStatusCodeProblemDetails());

    private static IApplicationBuilder UseStatusCodeProblemDetails(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0)
            {
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode },
            });
        });
}
