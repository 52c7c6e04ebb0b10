using Casework.Domain.Cases;
using Casework.Domain.Time;
using Casework.Workflows.Engine;
using Casework.Workflows.Definitions;

namespace Casework.Web.Features.Cases;

public sealed record CaseDto(
    Guid Id,
    string Reference,
    string Type,
    string Title,
    string State,
    string StateLabel,
    int StateOrder,
    bool Closed,
    string? Resultaat,
    DefinitionRefDto Definition,
    string Organisation,
    IReadOnlyList<string> Members,
    string? RoutedTo,
    string? BodyCode,
    string? LeadDepartment,
    BehandelaarDto? Behandelaar,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<DeadlineDto> Deadlines,
    IReadOnlyList<AvailableActionDto> AvailableActions) : Api.IVersioned
{
    /// <summary>The besluit proposed under the vier-ogenprincipe and awaiting a colleague's confirmation, if any.</summary>
    public ProposalDto? Proposal { get; init; }
}

/// <summary>
/// A proposed besluit (vier-ogenprincipe): what, by whom, with which toelichting and data; whether you may confirm it
/// (never its proposer) or reject it, and why not.
/// </summary>
public sealed record ProposalDto(
    string Action,
    string Label,
    BehandelaarDto ProposedBy,
    string Organisation,
    DateTimeOffset ProposedAt,
    string? Reason,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement> Data,
    bool MayConfirm,
    bool MayReject,
    IReadOnlyList<ReasonDto> ConfirmReasons);

public sealed record DefinitionRefDto(string Id, int Version);

/// <summary>The user of the routed organisation who handles the case (claimed it or was handed it).</summary>
public sealed record BehandelaarDto(string UserId, string Name);

public sealed record DeadlineDto(
    Guid Id,
    string Kind,
    string Name,
    string LegalSource,
    DeadlineStatus Status,
    DateOnly StartedOnDate,
    DateOnly DueDate,
    DateOnly OriginalDueDate,
    DateOnly WarningDate,
    int SuspendedDays,
    int ExtensionDays,
    bool Overdue);

public sealed record AvailableActionDto(string Id, string Label, string To, bool Allowed, IReadOnlyList<ReasonDto> Reasons, ActionInputSpecDto Input)
{
    /// <summary>Firing the action proposes it; it takes effect when a colleague confirms it (vier-ogenprincipe).</summary>
    public bool RequiresConfirmation { get; init; }
}

/// <summary>Why an action is not open: the rule's code, a Dutch message, its legal source, and for a broken rule the definition's guard that found it.</summary>
public sealed record ReasonDto(string Code, string Message, string? Source, string? Guard = null);

public sealed record ActionInputSpecDto(bool ReasonRequired, IReadOnlyList<ActionInputFieldDto> Fields);

/// <summary>An input field of an action: <c>type</c> is text, number, integer, date, yesno or choice; a number or integer may have bounds.</summary>
public sealed record ActionInputFieldDto(string Name, string Type, bool Required, IReadOnlyList<string> Choices, decimal? Minimum = null, decimal? Maximum = null);

public sealed record CaseSummaryDto(
    Guid Id,
    string Reference,
    string Type,
    string Title,
    string State,
    string StateLabel,
    bool Closed,
    string Organisation,
    string? RoutedTo,
    DateOnly? NextDueDate,
    string? NextDeadlineKind,
    bool Overdue,
    DateTimeOffset UpdatedAt);

internal static class CaseMapping
{
    public static DeadlineDto ToDto(Deadline d, DateOnly today) => new(
        d.Id,
        d.KindId,
        d.Kind.Name,
        d.Kind.LegalSource,
        d.Status,
        d.StartedOn,
        d.CurrentDueDate,
        d.OriginalDueDate,
        d.WarningDate,
        d.TotalSuspendedDays,
        d.TotalExtensionDays,
        d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && today > d.CurrentDueDate));

    public static AvailableActionDto ToDto(AvailableAction a) => new(
        a.ActionId,
        a.Label,
        a.To,
        a.Allowed,
        a.Reasons.Select(r => new ReasonDto(r.Code, r.Message, r.Source, r.Guard)).ToList(),
        new ActionInputSpecDto(a.Input.ReasonRequired, a.Input.Fields.Select(f => new ActionInputFieldDto(f.Name, f.Type == InputFieldType.WholeNumber ? "integer" : f.Type.ToString().ToLowerInvariant(), f.Required, f.Choices, f.Minimum, f.Maximum)).ToList()))
    {
        RequiresConfirmation = a.Approval is not null,
    };

    public static CaseDto ToDto(CaseFile c, IEnumerable<Deadline> deadlines, IReadOnlyList<AvailableAction> actions, DateOnly today, ProposalDto? proposal = null) => new(
        c.Id,
        c.Reference,
        c.CaseType,
        c.Title,
        c.State,
        c.StateLabel,
        c.StateOrder,
        c.IsClosed,
        c.Resultaat,
        new DefinitionRefDto(c.DefinitionId, c.DefinitionVersion),
        c.OwningOrganisation,
        c.Members.Select(m => m.OrganisationCode).ToList(),
        c.RoutedTo,
        c.BodyCode,
        c.LeadDepartment,
        c.Behandelaar is null ? null : new BehandelaarDto(c.Behandelaar, c.BehandelaarName ?? c.Behandelaar),
        c.Version,
        c.CreatedAt,
        c.UpdatedAt,
        c.ClosedAt,
        deadlines.OrderBy(d => d.CurrentDueDate).Select(d => ToDto(d, today)).ToList(),
        actions.Select(ToDto).ToList())
    {
        Proposal = proposal,
    };
}
