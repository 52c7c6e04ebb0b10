using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

internal sealed class RecordScoresValidator : AbstractValidator<RecordScoresCommand>
{
    public RecordScoresValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de scores als JSON.");
        RuleFor(c => c.Request!.Advice).NotNull().When(c => c.Request is not null).OverridePropertyName("advice").WithMessage("Geef het advies: Positief of Negatief.");
        RuleFor(c => c.Request!).Must(r => r.Scores is { Count: > 0 } || r.Total is not null).When(c => c.Request is not null)
            .OverridePropertyName("scores").WithMessage("Geef een score per criterium (of, in een ronde zonder gewogen criteria, het totaal).");
        RuleFor(c => c.Request!.Scores!.Count).LessThanOrEqualTo(20).When(c => c.Request?.Scores is not null).OverridePropertyName("scores");
    }
}
