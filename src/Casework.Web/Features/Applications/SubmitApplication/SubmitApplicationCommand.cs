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

/// <summary>Submits a draft: fires <c>indienen</c>, whose guards check the window and every admission rule of the round at once (422 with all broken rules, nothing changed).</summary>
public sealed record SubmitApplicationCommand(Guid Id, int ExpectedVersion) : ICommand<ApplicationDto>;
