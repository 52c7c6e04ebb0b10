using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

internal sealed class RecordHerkansingLinkValidator : AbstractValidator<RecordHerkansingLinkCommand>
{
    public RecordHerkansingLinkValidator()
    {
        RuleFor(c => c.ExpectedVersion).IsCaseVersion();
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de koppeling als JSON.");
        RuleFor(c => c.Request!.PreviousApplicationId).NotEmpty().When(c => c.Request is not null).OverridePropertyName("previousApplicationId")
            .WithMessage("Noem de eerdere aanvraag (previousApplicationId).");
        RuleFor(c => c.Request!.Reason).MaximumLength(4000).When(c => c.Request is not null).OverridePropertyName("reason");
    }
}
