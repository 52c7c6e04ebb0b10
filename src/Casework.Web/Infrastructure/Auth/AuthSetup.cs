using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Casework.Web.Infrastructure.Auth;

/// <summary>
/// Pages sign in with a cookie (OpenID Connect with authorization code + PKCE when an authority is
/// configured; the development sign-in otherwise), API clients with a bearer token. A policy scheme
/// picks per request, so one endpoint serves both. Every endpoint requires a Casework user (an
/// organisation and at least one known role) unless it is explicitly anonymous.
/// </summary>
internal static class AuthSetup
{
    /// <summary>Authenticate: bearer for API requests that carry an Authorization header, the cookie otherwise.</summary>
    public const string SelectorScheme = "casework";

    /// <summary>Challenge and forbid: bearer semantics (401/403) for the API, the sign-in flow for pages.</summary>
    public const string ChallengeScheme = "casework-challenge";

    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IServiceCollection AddCaseworkAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, DevSignInPolicy devSignIn)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var oidc = !string.IsNullOrWhiteSpace(options.Authority);
        if (!oidc && !devSignIn.IsOn)
        {
            throw new InvalidOperationException(
                "Authentication:Authority is not configured. Outside Development Casework signs in with OpenID Connect only "
                + "(a demo host without an authority sets DevSignIn:Enabled=true).");
        }

        services.AddSingleton(options);
        services.AddSingleton(devSignIn);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddSingleton<AccessAuditWriter>();
        services.AddSingleton<IdentityProviderStatus>();
        JwtSecurityTokenHandler.DefaultMapInboundClaims = false;

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultAuthenticateScheme = SelectorScheme;
                o.DefaultChallengeScheme = ChallengeScheme;
                o.DefaultForbidScheme = ChallengeScheme;
                o.DefaultSignInScheme = CookieScheme;
                o.DefaultSignOutScheme = CookieScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Bearer (API) of cookie (pagina's)", p => p.ForwardDefaultSelector = http =>
                ReadsBearerOnly(http.Request) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme)
            // Pages challenge through the cookie, which sends the browser to GET /sign-in: the one place that starts
            // OpenID Connect, and that can say so when the identity provider is unreachable.
            .AddPolicyScheme(ChallengeScheme, "401/403 (API) of aanmelden (pagina's)", p => p.ForwardDefaultSelector = http =>
                IsApi(http.Request) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (oidc)
                {
                    jwt.Authority = options.Authority;
                    jwt.Audience = options.Audience ?? options.ClientId;
                    jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                    jwt.TokenValidationParameters.NameClaimType = CaseworkClaims.Name;
                    jwt.TokenValidationParameters.RoleClaimType = CaseworkClaims.Role;
                    jwt.Events = new JwtBearerEvents
                    {
                        // Without the authority's metadata no token can be checked: the API answers 503 (below), not a 500
                        // per request from the handler's own failure.
                        OnMessageReceived = async ctx =>
                        {
                            // No token, nothing to check (the challenge authenticates too, also without a token: 401).
                            if (string.IsNullOrEmpty(ctx.Request.Headers.Authorization))
                            {
                                return;
                            }

                            var status = ctx.HttpContext.RequestServices.GetRequiredService<IdentityProviderStatus>();
                            if (!await status.IsReachableAsync(ctx.Options.ConfigurationManager, ctx.HttpContext.RequestAborted))
                            {
                                ctx.HttpContext.Items[IdentityProviderStatus.UnavailableKey] = true;
                                ctx.NoResult();
                            }
                        },
                        OnChallenge = async ctx =>
                        {
                            if (ctx.HttpContext.Items.ContainsKey(IdentityProviderStatus.UnavailableKey))
                            {
                                ctx.HandleResponse();
                                await WriteIdentityProviderUnavailableAsync(ctx.HttpContext);
                            }
                        },
                        OnTokenValidated = ctx =>
                        {
                            ClaimsMapping.AddCaseworkClaims(ctx.Principal, options);
                            return Task.CompletedTask;
                        },
                    };
                }
                else
                {
                    // The signing key of development tokens is no secret: where the sign-in is for this machine only,
                    // a token presented from elsewhere is not read at all (401), so nobody can forge one from outside.
                    jwt.TokenValidationParameters = DevTokenValidation(options);
                    jwt.Events = new JwtBearerEvents
                    {
                        OnMessageReceived = ctx =>
                        {
                            if (!devSignIn.Allows(ctx.HttpContext))
                            {
                                ctx.NoResult();
                            }

                            return Task.CompletedTask;
                        },
                    };
                }
            })
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = environment.IsDevelopment() ? "casework.auth" : "__Host-casework.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

                // Lax, not Strict: the first request after the identity provider's redirect back is cross-site
                // and must carry the cookie; Lax still keeps it off cross-site POSTs (the CSRF vector).
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = options.CookieLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = SignInPaths.SignIn;
                cookie.AccessDeniedPath = SignInPaths.AccessDenied;
                cookie.Events = new CookieAuthenticationEvents
                {
                    // The API never redirects to a sign-in page: it answers 401/403 (ProblemDetails).
                    OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden),

                    // Without an authority every cookie is a development sign-in: valid only where that sign-in is allowed.
                    OnValidatePrincipal = ctx =>
                    {
                        if (!oidc && !devSignIn.Allows(ctx.HttpContext))
                        {
                            ctx.RejectPrincipal();
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        if (oidc)
        {
            authentication.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = options.Authority;
                o.ClientId = options.ClientId;
                o.ClientSecret = options.ClientSecret;
                o.RequireHttpsMetadata = options.RequireHttpsMetadata;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = options.GetClaimsFromUserInfoEndpoint;
                o.MapInboundClaims = false;
                o.SignInScheme = CookieScheme;
                o.CallbackPath = SignInPaths.OidcCallback;
                o.SignedOutCallbackPath = SignInPaths.OidcSignedOutCallback;
                o.Scope.Clear();
                foreach (var scope in options.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.TokenValidationParameters.NameClaimType = CaseworkClaims.Name;
                o.TokenValidationParameters.RoleClaimType = CaseworkClaims.Role;
                o.Events = new OpenIdConnectEvents
                {
                    OnTokenValidated = async ctx =>
                    {
                        var actor = ClaimsMapping.AddCaseworkClaims(ctx.Principal, options);
                        var audit = ctx.HttpContext.RequestServices.GetRequiredService<AccessAuditWriter>();
                        if (actor is null)
                        {
                            await audit.SignInRefusedAsync(ctx.Principal, "Geen organisatie of bekende rol in de claims.", ctx.HttpContext.RequestAborted);
                            ctx.Fail("Het account is niet gekoppeld aan een organisatie en een rol in Casework.");
                            return;
                        }

                        await audit.SignedInAsync(actor, "oidc", ctx.HttpContext.RequestAborted);
                        ctx.HttpContext.RequestServices.GetRequiredService<IdentityProviderStatus>().Reachable();
                    },
                };
            });
        }

        services.AddAuthorization(o =>
        {
            var caseworkUser = new CaseworkUserRequirement(options);
            o.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(caseworkUser).Build();

            // Deny by default: an endpoint nobody marked anonymous needs a Casework user. A request that
            // matched no endpoint is left to routing (404/405), so unknown paths stay 404.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new FallbackRequirement(caseworkUser)).Build();
        });
        services.AddSingleton<IAuthorizationHandler, CaseworkUserHandler>();
        return services;
    }

    private static async Task WriteIdentityProviderUnavailableAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = IdentityProviderStatus.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "De aanmeldvoorziening is nu niet bereikbaar, daardoor kan uw token niet worden gecontroleerd. Probeer het over enkele minuten opnieuw.",
            },
        });
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The API reads the page cookie for safe methods only (a page links to a CSV download); every unsafe API
    /// request authenticates by bearer token, so a cross-site form or script that rides on the cookie acts as
    /// nobody (ADR-011). A bearer header always wins, also on reads.
    /// </summary>
    public static bool ReadsBearerOnly(HttpRequest request) =>
        IsApi(request) && (!string.IsNullOrEmpty(request.Headers.Authorization) || !IsSafeMethod(request.Method));

    /// <summary>RFC 9110 section 9.2.1: the methods that only read.</summary>
    public static bool IsSafeMethod(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>An unsafe API request that came with the page cookie and no token: refused, and told why.</summary>
    public static bool IsCookieOnlyApiWrite(HttpRequest request) =>
        IsApi(request) && !IsSafeMethod(request.Method) && string.IsNullOrEmpty(request.Headers.Authorization)
        && request.Cookies.Count > 0;

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.Request))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
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
        var token = new JwtSecurityToken(
            CaseworkClaims.DevIssuer,
            CaseworkClaims.DevAudience,
            DevClaims(subject, displayName, organisation, roles),
            notBefore: now.UtcDateTime,
            expires: now.Add(options.DevTokenLifetime).UtcDateTime,
            signingCredentials: new SigningCredentials(DevKey(options), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>The cookie principal of the development sign-in: the same claims as a development token.</summary>
    public static ClaimsPrincipal DevPrincipal(string subject, string displayName, string organisation, IEnumerable<string> roles) =>
        new(new ClaimsIdentity(DevClaims(subject, displayName, organisation, roles), CookieScheme, CaseworkClaims.Name, CaseworkClaims.Role));

    private static List<Claim> DevClaims(string subject, string displayName, string organisation, IEnumerable<string> roles)
    {
        var claims = new List<Claim>
        {
            new(CaseworkClaims.Subject, subject),
            new(CaseworkClaims.Name, displayName),
            new(CaseworkClaims.Organisation, organisation),
        };
        claims.AddRange(roles.Select(r => new Claim(CaseworkClaims.Role, r)));
        return claims;
    }
}

/// <summary>The paths of the page sign-in flow (outside the API).</summary>
internal static class SignInPaths
{
    public const string SignIn = "/sign-in";
    public const string SignOut = "/sign-out";
    public const string AccessDenied = "/access-denied";
    public const string OidcCallback = "/signin-oidc";
    public const string OidcSignedOutCallback = "/signout-callback-oidc";

    /// <summary>The development sign-in picker (a page of its own); the default sign-in target without an authority.</summary>
    public const string DevPicker = "/dev/sign-in";
}

/// <summary>A Casework user: signed in, acting for one organisation in at least one known role.</summary>
internal sealed class CaseworkUserRequirement(AuthOptions options) : IAuthorizationRequirement
{
    public bool IsMetBy(ClaimsPrincipal user) => HttpCurrentActor.FromPrincipal(user, options) is { Roles.Count: > 0 };
}

/// <summary>The fallback: a Casework user wherever an endpoint matched; nothing when no endpoint did.</summary>
internal sealed class FallbackRequirement(CaseworkUserRequirement user) : IAuthorizationRequirement
{
    public CaseworkUserRequirement User { get; } = user;
}

internal sealed class CaseworkUserHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var met = requirement switch
            {
                CaseworkUserRequirement user => user.IsMetBy(context.User),
                FallbackRequirement fallback => (context.Resource is HttpContext http && http.GetEndpoint() is null) || fallback.User.IsMetBy(context.User),
                _ => false,
            };
            if (met)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
