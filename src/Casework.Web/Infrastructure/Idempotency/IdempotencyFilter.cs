using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casework.Web.Infrastructure.Idempotency;

/// <summary>
/// Honours the <c>Idempotency-Key</c> header on a creating POST (docs/api.md). The lookup, the command and the
/// stored response share one transaction (on SQLite BEGIN IMMEDIATE; elsewhere the unique index on
/// caller + endpoint + key makes a racing twin fail), so a key is used exactly once. The request is hashed as
/// bound (route values and body after JSON binding), so whitespace or property order does not matter.
/// Errors are not stored: a failed request may be retried with the same key.
/// </summary>
internal sealed class IdempotencyFilter(CaseworkDbContext db, ICurrentActor current, TimeProvider time, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > 200)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(Header, "De Idempotency-Key is langer dan 200 tekens.")]);
        }

        var actor = current.Actor;
        var caller = actor.UserId + "@" + actor.Organisation;
        var endpoint = http.Request.Method + " " + ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value);
        var hash = HashArguments(context.Arguments);
        var options = json.Value.SerializerOptions;

        return await db.InWriteTransactionAsync(async ct =>
        {
            var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.Caller == caller && r.Endpoint == endpoint && r.Key == key, ct);
            if (existing is not null)
            {
                if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
                {
                    throw ApiProblemException.Of(
                        ProblemTypes.IdempotencyKeyReused,
                        "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor een nieuw verzoek.");
                }

                http.Response.Headers["Idempotent-Replayed"] = "true";
                if (existing.Location is not null)
                {
                    http.Response.Headers.Location = existing.Location;
                }

                return Results.Text(existing.ResponseBody, "application/json", Encoding.UTF8, existing.ResponseStatus);
            }

            var result = await next(context);
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            var value = result is IValueHttpResult valued ? valued.Value : result;
            var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
            db.Add(new IdempotencyRecord(key, caller, endpoint, hash, status, JsonSerializer.Serialize(value, options), location, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return result;
        }, http.RequestAborted);
    }

    private string HashArguments(IList<object?> arguments)
    {
        var relevant = arguments
            .Where(a => a is string or Guid or int or long or decimal || (a?.GetType().Namespace?.StartsWith("Casework.", StringComparison.Ordinal) == true && a is not ICurrentActor))
            .ToList();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(relevant, json.Value.SerializerOptions);
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}

internal static class IdempotencyEndpointExtensions
{
    /// <summary>Honours <c>Idempotency-Key</c> on this endpoint and documents the header.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
