using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>Creates a draft application: a case on the regeling's workflow, owned by the caller's gemeente, and its application row.</summary>
public sealed record CreateApplicationCommand(ApplicationRequest? Request) : ICommand<ApplicationDto>;
