using FluentValidation;

namespace Casework.Web.Features.Applications;

internal sealed class RecordScoresValidator : AbstractValidator<RecordScoresCommand>
{
    public RecordScoresValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het advies als JSON.");
        RuleFor(c => c.Request!.Advice).NotNull().When(c => c.Request is not null).OverridePropertyName("advice").WithMessage("Geef het advies: Positief of Negatief.");
        RuleFor(c => c.Request!.AgreedTotal).InclusiveBetween(0m, 1000m).When(c => c.Request?.AgreedTotal is not null).OverridePropertyName("agreedTotal")
            .WithMessage("De overeengekomen score ligt tussen 0 en 1000.");
        RuleFor(c => c.Request!.Reason).MaximumLength(2000).When(c => c.Request is not null).OverridePropertyName("reason")
            .WithMessage("De reden is te lang (maximaal 2000 tekens).");
    }
}
