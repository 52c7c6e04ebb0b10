using System.Globalization;

namespace Casework.Web.Api;

/// <summary>
/// The <c>If-Match</c> header carries the version of the resource a client changes (its ETag, <c>"3"</c>).
/// One parser for every endpoint that changes a case.
/// </summary>
internal static class IfMatch
{
    /// <summary>A change without the version is refused (428): a blind write could undo someone else's change.</summary>
    public static int Required(string? header, string whose)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw ApiProblemException.Of(ProblemTypes.PreconditionRequired, $"Stuur de versie van {whose} mee in de header If-Match (de ETag van de laatste GET).");
        }

        return Parse(header);
    }

    /// <summary>For endpoints where the version is optional: null when absent, 400 when malformed.</summary>
    public static int? Optional(string? header) => string.IsNullOrWhiteSpace(header) ? null : Parse(header);

    private static int Parse(string header)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("If-Match", "If-Match moet een versie zijn, bijvoorbeeld \"3\".")]);
    }
}
