using System.Text.Json.Nodes;
using Mediator;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// Announces a round as data: a new name, window, ceiling and the rule set of an earlier round of the same
/// regeling with top-level overrides (camelCase rule-set properties, e.g. <c>minimumHomes</c>).
/// </summary>
public sealed record AnnounceTrancheRequest(
    Guid BasedOnTrancheId,
    string? Name,
    DateOnly? AnnouncedOnDate,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    decimal Ceiling,
    JsonObject? RuleSetOverrides,
    string? Notes);

public sealed record AnnounceTrancheCommand(AnnounceTrancheRequest? Request) : ICommand<TrancheDto>;
