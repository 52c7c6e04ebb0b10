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

/// <summary>
/// Maps the submit onto <c>indienen</c> and takes the one path of every case action (<see cref="CaseActionPath"/>): the
/// definition's guards judge the window and every admission rule at once; <see cref="SubmissionHook"/> stamps the receipt.
/// </summary>
internal sealed class SubmitApplicationHandler(CaseworkDbContext db, CaseActionPath path) : ICommandHandler<SubmitApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var caseFile = await path.FireAsync(command.Id, SubmissionHook.Action, command.ExpectedVersion, ActionInput.Empty, cancellationToken);
        return await ApplicationMapping.LoadDtoAsync(db, caseFile, cancellationToken);
    }
}
