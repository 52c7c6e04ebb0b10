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

/// <summary>The committee's score per criterion and its advice. For a round without weighted criteria (VHF) the committee gives its own total.</summary>
public sealed record ScoresRequest(Dictionary<string, decimal>? Scores, decimal? Total, CommitteeAdvice? Advice);

public sealed record RecordScoresCommand(Guid Id, ScoresRequest? Request) : ICommand<ApplicationDto>;
