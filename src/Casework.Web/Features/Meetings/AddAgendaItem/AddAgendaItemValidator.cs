using FluentValidation;

namespace Casework.Web.Features.Meetings;

internal sealed class AddAgendaItemValidator : AbstractValidator<AddAgendaItemCommand>
{
    public AddAgendaItemValidator()
    {
        RuleFor(c => c.CaseId).NotNull().WithMessage("Geef de zaak (caseId) die op de agenda komt.");
        RuleFor(c => c.LateReason).MaximumLength(4000);
    }
}
