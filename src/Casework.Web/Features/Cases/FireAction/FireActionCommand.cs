using System.Text.Json;
using Mediator;

namespace Casework.Web.Features.Cases;

/// <summary>Fire a workflow action on a case: <c>POST /api/v1/cases/{id}/actions/{action}</c> with <c>If-Match</c>.</summary>
public sealed record FireActionCommand(Guid CaseId, string ActionId, int ExpectedVersion, string? Reason, IReadOnlyDictionary<string, JsonElement> Data) : ICommand<CaseDto>;

/// <summary>Request body of a case action.</summary>
public sealed record FireActionRequest(string? Reason, Dictionary<string, JsonElement>? Data);
