namespace Casework.Web.Api;

internal static class ApiVersionHeaderMiddleware
{
    /// <summary>NLGov /core/version-header: every response names the full API version.</summary>
    public static IApplicationBuilder UseApiVersionHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[ApiVersion.HeaderName] = ApiVersion.Full;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
