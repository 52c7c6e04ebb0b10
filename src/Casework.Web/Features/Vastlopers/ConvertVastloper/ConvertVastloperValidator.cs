using Casework.Domain.Escalation;
using FluentValidation;

namespace Casework.Web.Features.Vastlopers;

internal sealed class ConvertVastloperValidator : AbstractValidator<ConvertVastloperCommand>
{
    public ConvertVastloperValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Geef aan waarom de vastloper een knelpunt in regelgeving is.").MaximumLength(4000);
        RuleFor(c => c.Wet!.Naam).NotEmpty().MaximumLength(300).When(c => c.Wet is not null);
        RuleFor(c => c.Wet!.BwbId).Must(WetReferentie.IsValidBwbId).WithMessage("Het BWB-id heeft de vorm BWBR0005537.").When(c => c.Wet?.BwbId is not null);
    }
}
