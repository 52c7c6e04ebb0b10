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

internal sealed class RecordReclaimValidator : AbstractValidator<RecordReclaimCommand>
{
    public RecordReclaimValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de terugvordering als JSON.");
        RuleFor(c => c.Request!.Amount).GreaterThan(0).Must(a => decimal.Round(a, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("amount").WithMessage("Het bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.Reason).NotEmpty().MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("Vermeld de reden van de terugvordering (ten hoogste 4000 tekens).");
    }
}
