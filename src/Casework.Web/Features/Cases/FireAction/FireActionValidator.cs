using Casework.Web.Features.Workflows;
using FluentValidation;

namespace Casework.Web.Features.Cases;

internal sealed class FireActionValidator : AbstractValidator<FireActionCommand>
{
    public FireActionValidator()
    {
        RuleFor(c => c.ActionId).NotEmpty().MaximumLength(64).Matches("^[a-zA-Z][a-zA-Z0-9-]*$").WithMessage("De actie is geen geldige actie-id.");
        RuleFor(c => c.ExpectedVersion).IsCaseVersion();
        RuleFor(c => c.Reason).MaximumLength(4000);
        RuleFor(c => c.Data.Count).LessThanOrEqualTo(50).OverridePropertyName("data").WithMessage("Te veel gegevens (maximaal 50 velden).");
    }
}
