using FluentValidation;

namespace Casework.Web.Features.Tranches;

internal sealed class RescheduleTrancheValidator : AbstractValidator<RescheduleTrancheCommand>
{
    public RescheduleTrancheValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het nieuwe tijdvak als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.OpensAt).NotNull().OverridePropertyName("opensAt").WithMessage("Geef de nieuwe opening van het tijdvak.");
            RuleFor(c => c.Request!.ClosesAt).GreaterThan(c => c.Request!.OpensAt).When(c => c.Request!.OpensAt is not null && c.Request.ClosesAt is not null)
                .OverridePropertyName("closesAt").WithMessage("Het tijdvak sluit na de opening.");
            RuleFor(c => c.Request!.Reason).NotEmpty().WithMessage("Geef de reden van de verschuiving.")
                .MaximumLength(2000).WithMessage("De reden is ten hoogste 2000 tekens.").OverridePropertyName("reason");
        });
    }
}
