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

/// <summary>The award decision: the amount (less than requested: a partial award, with a reason) and the send date of the decision.</summary>
public sealed record AwardRequest(decimal Amount, DateOnly SentDate, string? Reason);

public sealed record AwardApplicationCommand(Guid Id, int ExpectedVersion, AwardRequest? Request) : ICommand<ApplicationDto>;
