namespace Casework.Web.Infrastructure.Auth;

/// <summary>Configuration section <c>Authentication</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Authentication";

    /// <summary>OpenID Connect authority (production). Empty: only the development sign-in exists (Development only).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Audience of API bearer tokens issued by the authority.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim carrying the organisation code (CBS code or short code).</summary>
    public string OrganisationClaim { get; set; } = CaseworkClaims.Organisation;

    /// <summary>The claim(s) carrying role names.</summary>
    public string RoleClaim { get; set; } = CaseworkClaims.Role;

    /// <summary>Symmetric key for development tokens (Development only; at least 32 bytes).</summary>
    public string DevSigningKey { get; set; } = "casework-development-only-signing-key-0123456789";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Scopes asked of the authority for the page sign-in.</summary>
    public IList<string> Scopes { get; set; } = ["openid", "profile"];

    /// <summary>Also read claims (organisation, roles) from the authority's userinfo endpoint.</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; } = true;

    /// <summary>Only false for a local test authority over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How long a page sign-in lasts without activity (sliding).</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);
}

public static class CaseworkClaims
{
    public const string Organisation = "org";
    public const string Role = "roles";
    public const string Subject = "sub";
    public const string Name = "name";
    public const string DevIssuer = "casework-dev";
    public const string DevAudience = "casework-api";
}
