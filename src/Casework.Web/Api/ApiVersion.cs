namespace Casework.Web.Api;

/// <summary>The API's version (NLGov API Design Rules /core/version-header and /core/uri-version).</summary>
internal static class ApiVersion
{
    public const string Full = "1.0.0";

    public const string BasePath = "/api/v1";

    public const string HeaderName = "API-Version";
}
