using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Tranches;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

internal sealed class RecordPaymentValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de betaling als JSON.");
        RuleFor(c => c.Request!.Amount).GreaterThan(0).Must(a => decimal.Round(a, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("amount").WithMessage("Het bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.BtwCompensatiefondsShare).GreaterThanOrEqualTo(0m).LessThan(1m).When(c => c.Request?.BtwCompensatiefondsShare is not null)
            .OverridePropertyName("btwCompensatiefondsShare").WithMessage("Het aandeel BTW-compensatiefonds is een fractie van 0 tot 1 (bijvoorbeeld 0.21).");
        RuleFor(c => c.Request!.PaidOnDate).NotEmpty().When(c => c.Request is not null).OverridePropertyName("paidOnDate");
    }
}
