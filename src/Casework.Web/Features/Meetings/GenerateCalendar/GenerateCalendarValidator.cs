using Casework.Domain.Escalation;
using FluentValidation;

namespace Casework.Web.Features.Meetings;

internal sealed class GenerateCalendarValidator : AbstractValidator<GenerateCalendarCommand>
{
    public GenerateCalendarValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(64).Must(MeetingBodies.IsKnown).WithMessage("Het gremium is SBSD, BRSD, BO of een alliantie (ALLIANTIE-...).");
        RuleFor(c => c.FromDate).NotNull().WithMessage("Geef de eerste vergaderdatum (fromDate).");
        RuleFor(c => c.UntilDate).NotNull().WithMessage("Geef het einde van de periode (untilDate).");
        RuleFor(c => c.UntilDate).GreaterThanOrEqualTo(c => c.FromDate).When(c => c.FromDate is not null && c.UntilDate is not null).WithMessage("untilDate ligt voor fromDate.");
        RuleFor(c => c.UntilDate).LessThanOrEqualTo(c => c.FromDate!.Value.AddYears(3)).When(c => c.FromDate is not null && c.UntilDate is not null).WithMessage("Een kalender beslaat hoogstens drie jaar.");
    }
}
