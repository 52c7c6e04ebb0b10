using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

internal sealed class AwardApplicationHandler(CaseworkDbContext db, CaseActionPath path) : ICommandHandler<AwardApplicationCommand, ApplicationDto>
{
    /// <summary>
    /// Maps the award body onto <c>toekennen</c> (the requested amount) or <c>gedeeltelijkToekennen</c> (less, with a
    /// reason). The action's guard judges the amount and the ceiling; its besluit commits the money through the
    /// ledger's atomic update in the same transaction (a new decision after an objection moves only the difference).
    /// </summary>
    public async ValueTask<ApplicationDto> Handle(AwardApplicationCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request!;
        // Tracked: the guard's facts, the besluit's effect and the response find this instance instead of reading it again.
        var application = await db.Set<FundingApplication>().FindAsync([command.Id], cancellationToken);
        var action = application is not null && new Money(request.Amount) < application.RequestedAmount ? AwardActions.Partial : AwardActions.Full;
        if (action == AwardActions.Partial && string.IsNullOrWhiteSpace(request.Reason))
        {
            // The action requires a reason too; this shape says in its own words what the reason is for.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("reason", "Een gedeeltelijke toekenning vermeldt de reden (bijvoorbeeld: plafond bereikt).")]);
        }

        var data = new Dictionary<string, JsonElement>
        {
            [AwardActions.AmountField] = JsonSerializer.SerializeToElement(request.Amount),
            [AwardActions.SentDateField] = JsonSerializer.SerializeToElement(request.SentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        var caseFile = await path.FireAsync(command.Id, action, command.ExpectedVersion, new ActionInput(request.Reason, data), cancellationToken);
        return await ApplicationMapping.LoadDtoAsync(db, caseFile, cancellationToken);
    }
}
