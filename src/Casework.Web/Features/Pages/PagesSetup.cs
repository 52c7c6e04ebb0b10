using Casework.Web.Infrastructure.Auth;

namespace Casework.Web.Features.Pages;

/// <summary>
/// Razor Pages live beside their feature (Features/&lt;Area&gt;/*.cshtml, absolute Dutch routes in each @page), so a
/// vertical slice holds its endpoint, handler and page together (docs/design.md, "Where a feature lives"; ADR-008). Pages need a signed-in
/// Casework user like every endpoint (deny by default); antiforgery is checked on every page POST.
/// </summary>
internal static class PagesSetup
{
    public static IServiceCollection AddCaseworkPages(this IServiceCollection services, DevSignInPolicy devSignIn)
    {
        services.AddSingleton<PageChrome>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";

                // The demo-user picker exists only where the development sign-in is on: elsewhere it has no route at all (404).
                if (!devSignIn.IsOn)
                {
                    o.Conventions.AddPageRouteModelConvention("/Auth/DevSignIn", model => model.Selectors.Clear());
                }
            })
            .AddMvcOptions(o =>
            {
                // Model binding speaks Dutch to the people who fill in the forms.
                var messages = o.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"'{value}' is geen geldige waarde.");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
                messages.SetValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
                messages.SetValueMustBeANumberAccessor(_ => "Vul een getal in.");
                messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
                messages.SetValueMustNotBeNullAccessor(_ => "Vul dit veld in.");
                messages.SetMissingBindRequiredValueAccessor(_ => "Vul dit veld in.");
                messages.SetMissingKeyOrValueAccessor(() => "Vul dit veld in.");
                messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg.");
                messages.SetUnknownValueIsInvalidAccessor(_ => "Deze waarde is ongeldig.");
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde is ongeldig.");
            });
        return services;
    }

    public static IEndpointRouteBuilder MapCaseworkPages(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        return app;
    }
}
