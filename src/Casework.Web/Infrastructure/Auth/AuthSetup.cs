using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Casework.Web.Infrastructure.Auth;

internal static class AuthSetup
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddCaseworkAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        JwtSecurityTokenHandler.DefaultMapInboundClaims = false;

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (!string.IsNullOrWhiteSpace(options.Authority))
                {
                    jwt.Authority = options.Authority;
                    jwt.Audience = options.Audience ?? options.ClientId;
                    jwt.TokenValidationParameters.NameClaimType = CaseworkClaims.Name;
                    jwt.TokenValidationParameters.RoleClaimType = options.RoleClaim;
                }
                else if (environment.IsDevelopment())
                {
                    jwt.TokenValidationParameters = DevTokenValidation(options);
                }
                else
                {
                    throw new InvalidOperationException("Authentication:Authority is not configured. Outside Development Casework signs in with OpenID Connect only.");
                }

                // 401/403 from the bearer handler are bodies-less; the status-code middleware turns them into ProblemDetails.
            });
        services.AddAuthorization();
        return services;
    }

    public static TokenValidationParameters DevTokenValidation(AuthOptions options) => new()
    {
        ValidIssuer = CaseworkClaims.DevIssuer,
        ValidAudience = CaseworkClaims.DevAudience,
        IssuerSigningKey = DevKey(options),
        NameClaimType = CaseworkClaims.Name,
        RoleClaimType = CaseworkClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    public static SymmetricSecurityKey DevKey(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.DevSigningKey));

    public static string IssueDevToken(AuthOptions options, string subject, string displayName, string organisation, IEnumerable<string> roles, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(CaseworkClaims.Subject, subject),
            new(CaseworkClaims.Name, displayName),
            new(CaseworkClaims.Organisation, organisation),
        };
        claims.AddRange(roles.Select(r => new Claim(CaseworkClaims.Role, r)));
        var token = new JwtSecurityToken(
            CaseworkClaims.DevIssuer,
            CaseworkClaims.DevAudience,
            claims,
            notBefore: now.UtcDateTime,
            expires: now.Add(options.DevTokenLifetime).UtcDateTime,
            signingCredentials: new SigningCredentials(DevKey(options), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
