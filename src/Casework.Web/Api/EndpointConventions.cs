using System.Globalization;
using Mediator;

namespace Casework.Web.Api;

/// <summary>A response that carries the version of what it shows; endpoints send it as the ETag.</summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>
/// What every endpoint mapping would otherwise repeat: the problem responses a kind of endpoint can give (for the
/// OpenAPI document) and the send-then-ETag of an endpoint that returns a versioned resource.
/// </summary>
internal static class EndpointConventions
{
    /// <summary>A read of one resource: not signed in, or not there (or not yours).</summary>
    public static readonly int[] ReadProblems = [StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound];

    /// <summary>A create (POST to a collection): bad input, not signed in, not allowed.</summary>
    public static readonly int[] CreateProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden];

    /// <summary>A command on an existing resource: also not there, a conflict, a broken rule.</summary>
    public static readonly int[] CommandProblems = [.. CreateProblems, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity];

    /// <summary>A command that needs the resource's version in If-Match (428 without it).</summary>
    public static readonly int[] VersionedCommandProblems = [.. CommandProblems, StatusCodes.Status428PreconditionRequired];

    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Sends the command and answers its result with the result's version as ETag.</summary>
    public static async Task<T> SendWithETagAsync<T>(this IMediator mediator, ICommand<T> command, HttpContext http, CancellationToken ct)
        where T : IVersioned
    {
        var result = await mediator.Send(command, ct);
        http.Response.Headers.ETag = ETag(result.Version);
        return result;
    }

    /// <summary>Sends the query and answers its result with the result's version as ETag.</summary>
    public static async Task<T> SendWithETagAsync<T>(this IMediator mediator, IQuery<T> query, HttpContext http, CancellationToken ct)
        where T : IVersioned
    {
        var result = await mediator.Send(query, ct);
        http.Response.Headers.ETag = ETag(result.Version);
        return result;
    }
}
