using FluentValidation;

namespace Casework.Web.Features.Meetings;

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Action).MaximumLength(64).Matches("^[a-zA-Z][a-zA-Z0-9-]*$").When(c => c.Action is not null).WithMessage("De actie is geen geldige actie-id.");
        RuleFor(c => c.Besluit).NotEmpty().WithMessage("Geef de tekst van het besluit voor de besluitenlijst.").MaximumLength(8000);
        RuleFor(c => c.Reason).MaximumLength(4000);
        RuleFor(c => c.Data.Count).LessThanOrEqualTo(50).OverridePropertyName("data");
        RuleFor(c => c.ActionItems.Count).LessThanOrEqualTo(50).OverridePropertyName("actionItems");
        RuleForEach(c => c.ActionItems).ChildRules(a =>
        {
            a.RuleFor(x => x.Description).NotEmpty().WithMessage("Beschrijf het actiepunt.").MaximumLength(2000);
            a.RuleFor(x => x.Owner).NotEmpty().WithMessage("Geef de eigenaar van het actiepunt.").MaximumLength(128);
            a.RuleFor(x => x.DueDate).NotNull().WithMessage("Geef de uiterste datum van het actiepunt.");
        });
    }
}
