using Casework.Domain.Organisations;
using FluentValidation;

namespace Casework.Web.Features.Applications;

/// <summary>Input shape of an application (400). Whether it meets the round's rules is the admission rules' business (422 at submission).</summary>
internal sealed class ApplicationShapeValidator : AbstractValidator<ApplicationRequest>
{
    public ApplicationShapeValidator()
    {
        RuleFor(r => r.TrancheId).NotEmpty().WithMessage("Kies de ronde (trancheId).");
        RuleFor(r => r.ProjectName).NotEmpty().WithMessage("Geef de naam van het project.").MaximumLength(200);
        RuleFor(r => r).Must(r => string.IsNullOrWhiteSpace(r.Focusgebied) != string.IsNullOrWhiteSpace(r.OtherArea))
            .OverridePropertyName("focusgebied")
            .WithMessage("Geef óf een stedelijk focusgebied (focusgebied) óf een ander gebied (otherArea), niet beide.");
        RuleFor(r => r.OtherArea).MaximumLength(2000);
        RuleFor(r => r.Homes).NotNull().WithMessage("Geef het aantal woningen per categorie.");
        When(r => r.Homes is not null, () =>
        {
            RuleFor(r => r.Homes!.SocialeHuur).GreaterThanOrEqualTo(0).OverridePropertyName("homes.socialeHuur");
            RuleFor(r => r.Homes!.Middenhuur).GreaterThanOrEqualTo(0).OverridePropertyName("homes.middenhuur");
            RuleFor(r => r.Homes!.BetaalbareKoop).GreaterThanOrEqualTo(0).OverridePropertyName("homes.betaalbareKoop");
            RuleFor(r => r.Homes!.Other).GreaterThanOrEqualTo(0).OverridePropertyName("homes.other");
            RuleFor(r => (long)r.Homes!.SocialeHuur + r.Homes.Middenhuur + r.Homes.BetaalbareKoop + r.Homes.Other)
                .InclusiveBetween(1, 1_000_000).OverridePropertyName("homes").WithMessage("Het project bevat ten minste één en hoogstens een miljoen woningen.");
        });
        RuleFor(r => r.FinancialDeficit).Must(Money).WithMessage("Het financieel tekort is een bedrag in euro's (ten hoogste 2 decimalen, niet negatief).");
        RuleFor(r => r.RequestedAmount).GreaterThan(0).Must(Money).WithMessage("Het gevraagde bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(r => r.OwnContribution).Must(Money).WithMessage("De eigen bijdrage is een bedrag in euro's (ten hoogste 2 decimalen, niet negatief).");
        RuleFor(r => r.GemeenteProjectCosts).Must(OptionalMoney).WithMessage("De projectkosten zijn een bedrag in euro's (ten hoogste 2 decimalen, niet negatief).");
        RuleFor(r => r.MaxKoopPrice).Must(OptionalMoney).WithMessage("De hoogste koopprijs is een bedrag in euro's.");
        RuleFor(r => r.InvestmentVolume).Must(OptionalMoney).WithMessage("Het investeringsvolume is een bedrag in euro's.");
        RuleFor(r => r.PrimaryActivitiesAmount).Must(OptionalMoney).WithMessage("Het bedrag voor primaire activiteiten is een bedrag in euro's.");
        RuleFor(r => r.SecondaryActivitiesAmount).Must(OptionalMoney).WithMessage("Het bedrag voor secundaire activiteiten is een bedrag in euro's.");
        RuleFor(r => r.PlannedConstructionStartDate).NotEmpty().WithMessage("Geef de geplande startdatum van de bouw.");
        RuleFor(r => r.PlannedCompletionDate).NotEmpty()
            .GreaterThanOrEqualTo(r => r.PlannedConstructionStartDate).WithMessage("De geplande opleverdatum ligt niet voor de startdatum.");
        RuleForEach(r => r.JointMembers).Must(GemeenteCodes.IsValid).WithMessage("'{PropertyValue}' is geen CBS-gemeentecode (GM + 4 cijfers).");
        RuleFor(r => r.JointMembers).Must(m => m is null || m.Distinct(StringComparer.Ordinal).Count() == m.Count)
            .WithMessage("Een gemeente staat meer dan eens in jointMembers.")
            .Must(m => m is null || m.Count <= 50).WithMessage("Ten hoogste 50 gemeenten in een regio.");
        RuleFor(r => r.PreviousApplicationReference).NotEmpty().When(r => r.Herkansing)
            .WithMessage("Een herkansing noemt de eerdere aanvraag (previousApplicationReference).").MaximumLength(64);
        RuleFor(r => r.ResidentsInterests!.RightOfReturnExplanation).MaximumLength(4000).When(r => r.ResidentsInterests is not null).OverridePropertyName("residentsInterests.rightOfReturnExplanation");
        RuleFor(r => r.ResidentsInterests!.RehousingPlan).MaximumLength(4000).When(r => r.ResidentsInterests is not null).OverridePropertyName("residentsInterests.rehousingPlan");
        RuleFor(r => r.ResidentsInterests!.ParticipationPlan).MaximumLength(4000).When(r => r.ResidentsInterests is not null).OverridePropertyName("residentsInterests.participationPlan");
    }

    private static bool Money(decimal value) => value >= 0 && value <= 1_000_000_000_000m && decimal.Round(value, 2) == value;

    private static bool OptionalMoney(decimal? value) => value is null || Money(value.Value);
}

/// <summary>Validates the application inside a command, reporting field names as the client sent them.</summary>
internal static class ApplicationShapeRules
{
    private static readonly ApplicationShapeValidator Shape = new();

    public static void ValidateShape<T>(this AbstractValidator<T> validator, Func<T, ApplicationRequest?> request)
    {
        validator.RuleFor(c => c).Custom((command, context) =>
        {
            var value = request(command);
            if (value is null)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("body", "Stuur de aanvraag als JSON."));
                return;
            }

            foreach (var failure in Shape.Validate(value).Errors)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(failure.PropertyName, failure.ErrorMessage));
            }
        });
    }
}
