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

/// <summary>The RVO loket's record: which earlier application this one is a herkansing of, and whether it is the same project.</summary>
public sealed record HerkansingLinkRequest(Guid PreviousApplicationId, bool SameProject, string? Reason);

public sealed record RecordHerkansingLinkCommand(Guid Id, int ExpectedVersion, HerkansingLinkRequest? Request) : ICommand<ApplicationDto>;
