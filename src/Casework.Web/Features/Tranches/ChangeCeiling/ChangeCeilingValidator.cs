using FluentValidation;

namespace Casework.Web.Features.Tranches;

internal sealed class ChangeCeilingValidator : AbstractValidator<ChangeCeilingCommand>
{
    public ChangeCeilingValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het nieuwe plafond als JSON.");
        RuleFor(c => c.Request!.Ceiling).GreaterThanOrEqualTo(0).Must(v => decimal.Round(v, 2) == v).When(c => c.Request is not null).OverridePropertyName("ceiling");
        RuleFor(c => c.Request!.Reason).NotEmpty().WithMessage("Geef de reden van de wijziging (bijvoorbeeld het besluit dat het plafond verhoogt).")
            .MaximumLength(2000).WithMessage("De reden is ten hoogste 2000 tekens.").When(c => c.Request is not null).OverridePropertyName("reason");
    }
}
