using Casework.Domain.Escalation;

namespace Casework.Web.Features.Meetings;

public sealed record MeetingSummaryDto(Guid Id, string Body, string BodyName, string Title, DateOnly Date, DateOnly CutOffDate, MeetingStatus Status, int ItemCount);

public sealed record MeetingDto(
    Guid Id,
    string Body,
    string BodyName,
    string Title,
    DateOnly Date,
    DateOnly CutOffDate,
    MeetingStatus Status,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<AgendaItemDto> Items);

/// <summary>An agenda item; <c>previousItemId</c>/<c>nextItemId</c> chain an item carried over between meetings.</summary>
public sealed record AgendaItemDto(
    Guid Id,
    Guid MeetingId,
    int Sequence,
    Guid CaseId,
    string CaseReference,
    AgendaItemStatus Status,
    DateTimeOffset AddedAt,
    string AddedBy,
    string? LateReason,
    Guid? PreviousItemId,
    Guid? NextItemId,
    string? DecisionActionId,
    string? Besluit,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    IReadOnlyList<ActionItemDto> ActionItems);

public sealed record ActionItemDto(Guid Id, string Description, string Owner, DateOnly DueDate);

public sealed record PlanMeetingRequest(string? Body, DateOnly? Date, DateOnly? CutOffDate, string? Title);

public sealed record GenerateCalendarRequest(string? Body, DateOnly? FromDate, DateOnly? UntilDate);

public sealed record CalendarDto(string Body, int Created, IReadOnlyList<MeetingSummaryDto> Meetings);

public sealed record AddAgendaItemRequest(Guid? CaseId, string? LateReason);

public sealed record ActionItemRequest(string? Description, string? Owner, DateOnly? DueDate);

/// <summary>
/// The decision on an agenda item: the text for the besluitenlijst, the workflow action it fires on the case
/// (with that action's reason and data, e.g. <c>resultaat</c>), and the action items agreed.
/// </summary>
public sealed record RecordDecisionRequest(string? Action, string? Besluit, string? Reason, Dictionary<string, System.Text.Json.JsonElement>? Data, IReadOnlyList<ActionItemRequest>? ActionItems);

/// <summary>A case that may go on the meeting's agenda now.</summary>
public sealed record ReadyCaseDto(Guid Id, string Reference, string Type, string Title, string State, string StateLabel, string? RoutedTo, DateTimeOffset Since, string? AgenderingAction);

public sealed record EscalationBoardDto(DateOnly Today, IReadOnlyList<EscalationLevelDto> Levels);

/// <summary>One level of escalation (triage, departement, SBSD, BRSD, BO, alliantie): how many, how old, who holds them, when next discussed.</summary>
public sealed record EscalationLevelDto(string Level, int Count, int Overdue, int OldestDays, MeetingSummaryDto? NextMeeting, IReadOnlyList<EscalationBoardCaseDto> Cases);

public sealed record EscalationBoardCaseDto(Guid Id, string Reference, string Type, string Title, string State, string StateLabel, string? Owner, int AgeDays, int DaysInState, DateOnly? DueDate, bool Overdue, Guid? OnAgendaOfMeetingId);
