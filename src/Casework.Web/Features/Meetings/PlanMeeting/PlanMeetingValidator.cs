using Casework.Domain.Escalation;
using FluentValidation;

namespace Casework.Web.Features.Meetings;

internal sealed class PlanMeetingValidator : AbstractValidator<PlanMeetingCommand>
{
    public PlanMeetingValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(64).Must(MeetingBodies.IsKnown).WithMessage("Het gremium is SBSD, BRSD, BO of een alliantie (ALLIANTIE-...).");
        RuleFor(c => c.Date).NotNull().WithMessage("Geef de vergaderdatum.");
        RuleFor(c => c.CutOffDate).LessThanOrEqualTo(c => c.Date).When(c => c.CutOffDate is not null && c.Date is not null).WithMessage("De agenda sluit uiterlijk op de vergaderdatum.");
        RuleFor(c => c.Title).MaximumLength(300);
    }
}
