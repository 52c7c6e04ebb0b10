using Casework.Web.Features.Workflows;

namespace Casework.Web.Features.Letters;

internal static class LettersSetup
{
    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        services.AddScoped<ILetterWriter, LetterWriter>();
        return services;
    }
}
