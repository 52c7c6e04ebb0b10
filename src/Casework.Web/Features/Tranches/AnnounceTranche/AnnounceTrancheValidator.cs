using FluentValidation;

namespace Casework.Web.Features.Tranches;

internal sealed class AnnounceTrancheValidator : AbstractValidator<AnnounceTrancheCommand>
{
    public AnnounceTrancheValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de ronde als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.BasedOnTrancheId).NotEmpty().OverridePropertyName("basedOnTrancheId")
                .WithMessage("Noem de eerdere ronde waarvan de nieuwe ronde de regels overneemt (basedOnTrancheId).");
            // A message per check: FluentValidation's WithMessage applies to the check just before it only.
            const string NameRule = "Geef de ronde een naam van ten hoogste 32 letters, cijfers of streepjes, bijvoorbeeld T7.";
            RuleFor(c => c.Request!.Name).NotEmpty().WithMessage(NameRule).MaximumLength(32).WithMessage(NameRule).Matches("^[A-Za-z0-9-]+$").WithMessage(NameRule).OverridePropertyName("name");
            const string CeilingRule = "Het plafond is een bedrag boven nul, in hele centen.";
            RuleFor(c => c.Request!.Ceiling).GreaterThan(0).WithMessage(CeilingRule).Must(v => decimal.Round(v, 2) == v).WithMessage(CeilingRule).OverridePropertyName("ceiling");
            RuleFor(c => c.Request!.ClosesAt).GreaterThan(c => c.Request!.OpensAt).When(c => c.Request!.OpensAt is not null && c.Request.ClosesAt is not null)
                .OverridePropertyName("closesAt").WithMessage("Het tijdvak sluit na de opening.");
            RuleFor(c => c.Request!.Notes).MaximumLength(2000).OverridePropertyName("notes");
        });
    }
}
