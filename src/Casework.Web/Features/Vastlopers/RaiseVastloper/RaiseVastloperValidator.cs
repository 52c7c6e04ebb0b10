using FluentValidation;

namespace Casework.Web.Features.Vastlopers;

internal sealed class RaiseVastloperValidator : AbstractValidator<RaiseVastloperCommand>
{
    public RaiseVastloperValidator()
    {
        RuleFor(c => c.Titel).NotEmpty().WithMessage("Geef een titel.").MaximumLength(300);
        RuleFor(c => c.Omschrijving).NotEmpty().WithMessage("Beschrijf de vastloper.").MaximumLength(8000);
        RuleFor(c => c.Focusgebied).NotEmpty().WithMessage("Noem het focusgebied waarvan de alliantie de vastloper meldt.").MaximumLength(64);
    }
}
