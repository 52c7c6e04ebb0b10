using Casework.Domain.Escalation;
using FluentValidation;

namespace Casework.Web.Features.Knelpunten;

internal sealed class RaiseKnelpuntValidator : AbstractValidator<RaiseKnelpuntCommand>
{
    public RaiseKnelpuntValidator()
    {
        RuleFor(c => c.Titel).NotEmpty().WithMessage("Geef een titel.").MaximumLength(300);
        RuleFor(c => c.Omschrijving).NotEmpty().WithMessage("Beschrijf het knelpunt.").MaximumLength(8000);
        RuleFor(c => c.Wet).NotNull().WithMessage("Noem de wet of regeling waar het knelpunt in zit.");
        RuleFor(c => c.Wet!.Naam).NotEmpty().WithMessage("Geef de naam van de wet of regeling.").MaximumLength(300).When(c => c.Wet is not null);
        RuleFor(c => c.Wet!.BwbId)
            .Must(WetReferentie.IsValidBwbId).WithMessage("Het BWB-id heeft de vorm BWBR0005537 (zie wetten.overheid.nl).")
            .When(c => c.Wet?.BwbId is not null);
        RuleFor(c => c.Wet!.Artikel).MaximumLength(100).When(c => c.Wet is not null);
        RuleFor(c => c.Domein)
            .Must(d => EscalationCaseViews.ParseDomein(d) is not null)
            .WithMessage($"Het domein is een van: {string.Join(", ", EscalationCaseViews.DomeinCodes.Values)}.")
            .When(c => c.Domein is not null);
        RuleFor(c => c.Focusgebieden.Count).LessThanOrEqualTo(20).OverridePropertyName("focusgebieden");
        RuleForEach(c => c.Focusgebieden).NotEmpty().MaximumLength(64);
        RuleFor(c => c.VoorgesteldeOplossing).MaximumLength(8000);
        RuleFor(c => c.GerelateerdAan.Count).LessThanOrEqualTo(20).OverridePropertyName("gerelateerdAan");
    }
}
