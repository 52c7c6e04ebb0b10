namespace Casework.Web.Api;

/// <summary>
/// Stable problem <c>type</c> URIs and <c>code</c> values; clients switch on the code, people read
/// the title and detail (Dutch).
/// </summary>
internal static class ProblemTypes
{
    private const string Base = "https://casework.nplv.nl/problems/";

    public static readonly ProblemType Validation = new("validation", "Ongeldige invoer", StatusCodes.Status400BadRequest);
    public static readonly ProblemType BadRequest = new("bad-request", "Onleesbaar verzoek", StatusCodes.Status400BadRequest);
    public static readonly ProblemType Unauthorized = new("unauthenticated", "Niet aangemeld", StatusCodes.Status401Unauthorized);
    public static readonly ProblemType Forbidden = new("forbidden", "Geen toestemming", StatusCodes.Status403Forbidden);
    public static readonly ProblemType NotFound = new("not-found", "Niet gevonden", StatusCodes.Status404NotFound);
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", "Methode niet toegestaan", StatusCodes.Status405MethodNotAllowed);
    public static readonly ProblemType Conflict = new("conflict", "Conflict", StatusCodes.Status409Conflict);
    public static readonly ProblemType ConcurrencyConflict = new("concurrency-conflict", "Gewijzigd door een ander", StatusCodes.Status409Conflict);
    public static readonly ProblemType PreconditionRequired = new("precondition-required", "Versie ontbreekt", StatusCodes.Status428PreconditionRequired);
    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", "Verzoek te groot", StatusCodes.Status413PayloadTooLarge);
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", "Inhoudstype niet ondersteund", StatusCodes.Status415UnsupportedMediaType);
    public static readonly ProblemType RuleViolation = new("rule-violation", "Niet toegestaan volgens de regels", StatusCodes.Status422UnprocessableEntity);
    public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused", "Idempotency-Key hergebruikt", StatusCodes.Status422UnprocessableEntity);
    public static readonly ProblemType TooManyRequests = new("too-many-requests", "Te veel verzoeken", StatusCodes.Status429TooManyRequests);
    public static readonly ProblemType Internal = new("internal-error", "Interne fout", StatusCodes.Status500InternalServerError);
    public static readonly ProblemType ServiceUnavailable = new("service-unavailable", "Tijdelijk niet beschikbaar", StatusCodes.Status503ServiceUnavailable);

    public static ProblemType ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => RuleViolation,
        428 => PreconditionRequired,
        429 => TooManyRequests,
        503 => ServiceUnavailable,
        _ => status >= 500 ? Internal : new ProblemType("http-" + status, "Fout", status),
    };

    internal sealed record ProblemType(string Code, string Title, int Status)
    {
        public string Uri => Base + Code;
    }
}
