using Casework.Web.Features.Applications;

namespace Casework.Web.Features.AfterAward;

public sealed record AwardConditionsDto(
    int Version,
    decimal Amount,
    HomesDto Homes,
    int TotalHomes,
    int AffordableHomes,
    string? ProjectArea,
    DateOnly StartBouwUiterlijk,
    DateOnly GereedUiterlijk,
    DateOnly ValidFrom,
    string Reason,
    Guid? ChangeCaseId);

/// <param name="Status">open, gemeld, aanvullingGevraagd, aanvaard, redenAanvaard, vastgesteld, vervallen (the award was taken away; the judgement reason says by which besluit).</param>
/// <param name="Expired">The term ended without an accepted report: the department must judge (accept a reason, or set the award).</param>
public sealed record MilestoneDto(
    Guid Id,
    string Kind,
    string Label,
    DateOnly DueDate,
    string Source,
    string Status,
    bool Expired,
    DateOnly? ReportedDate,
    IReadOnlyList<Guid> EvidenceDocumentIds,
    string? ReportNote,
    DateTimeOffset? ReportedAt,
    string? JudgementReason,
    DateTimeOffset? JudgedAt);

public sealed record UitstelDto(string Status, DateOnly RequestedOn, DateOnly RequestedDate, string Reason, DateOnly DecideBy, string? DecisionReason);

/// <param name="Status">open, verantwoord, vervallen.</param>
/// <param name="ClosedReason">Why a year lapsed unreported: the vaststelling, or the besluit that took the award away.</param>
public sealed record SisaYearDto(
    int BudgetYear,
    DateOnly DueDate,
    string Status,
    bool Overdue,
    HomesDto? Started,
    HomesDto? Completed,
    decimal? Spent,
    bool ProjectCompleted,
    DateOnly? ReportedOn,
    UitstelDto? Uitstel,
    string? ClosedReason = null);

public sealed record VaststellingLineDto(string Rule, string Description, decimal? Amount, string Source);

public sealed record VaststellingDto(Guid Id, decimal Amount, decimal Awarded, decimal Paid, IReadOnlyList<VaststellingLineDto> Computation, DateOnly Verzenddatum, DateTimeOffset DecidedAt);

public sealed record TerugvorderingDto(Guid Id, decimal Amount, DateOnly Verzenddatum, DateOnly BezwaarUiterlijk, DateOnly BetalenUiterlijk, Guid? LetterDocumentId);

public sealed record ChangeRequestDto(Guid CaseId, string Reference, string State, string StateLabel, int BasedOnVersion, int? ResultingVersion, decimal? Amount, HomesDto? Homes, string? ProjectArea, DateOnly? StartBouwUiterlijk, DateOnly? GereedUiterlijk, string Reason, DateTimeOffset RequestedAt);

/// <summary>The award's money apart: awarded (current conditions), paid out, paid to the gemeente, vastgesteld, reclaimed.</summary>
public sealed record AwardLedgerDto(decimal Awarded, decimal AwardedPaidOut, decimal Paid, decimal Vastgesteld, decimal Reclaimed);

/// <param name="Kind">voorwaarden, mijlpaal, sisa, betaling, terugvordering, vaststelling, wijziging, bezwaar.</param>
public sealed record TimelineEntryDto(DateOnly Date, string Kind, string Title, string? Detail);

public sealed record AfterAwardDto(
    Guid ApplicationId,
    string Reference,
    string Title,
    string Regeling,
    string Gemeente,
    AwardConditionsDto Conditions,
    IReadOnlyList<AwardConditionsDto> ConditionVersions,
    IReadOnlyList<MilestoneDto> Milestones,
    IReadOnlyList<SisaYearDto> SisaYears,
    VaststellingDto? Vaststelling,
    TerugvorderingDto? Terugvordering,
    IReadOnlyList<ChangeRequestDto> ChangeRequests,
    AwardLedgerDto Ledger,
    IReadOnlyList<TimelineEntryDto> Timeline,
    IReadOnlyList<ObjectionDto> Objections);

public sealed record MilestoneReportRequest(DateOnly? Date, IReadOnlyList<Guid>? EvidenceDocumentIds, string? Note);

/// <param name="Outcome">aanvaarden (the report), aanvullingVragen (more evidence), redenAanvaarden (the term expired; the gemeente's reason is accepted).</param>
public sealed record MilestoneJudgementRequest(string? Outcome, string? Reason);

public sealed record SisaReportRequest(HomesDto? Started, HomesDto? Completed, decimal? Spent, bool ProjectCompleted);

public sealed record UitstelRequest(DateOnly? NewDate, string? Reason);

public sealed record UitstelDecisionRequest(bool? Granted, string? Reason);

/// <param name="Completed">Homes completed by category; absent: the sum of the yearly SiSa reports.</param>
/// <param name="Spent">Money spent; absent: the sum of the yearly SiSa reports.</param>
public sealed record VaststellingRequest(HomesDto? Completed, decimal? Spent, DateOnly? Verzenddatum, string? Reason);

public sealed record ChangeRequestRequest(HomesDto? Homes, decimal? Amount, string? ProjectArea, DateOnly? StartBouwUiterlijk, DateOnly? GereedUiterlijk, string? Reason);

/// <summary>One budget year of one award: the programme monitor's row.</summary>
public sealed record YearlyRealisationDto(
    Guid ApplicationId,
    string Reference,
    string Regeling,
    string Round,
    string Gemeente,
    int BudgetYear,
    string Status,
    DateOnly DueDate,
    HomesDto Started,
    HomesDto Completed,
    decimal Spent,
    DateOnly? ReportedOn);

/// <summary>What awaits the department's judgement after awards.</summary>
public sealed record AfterAwardWorkItemDto(Guid ApplicationId, string Reference, string Title, string Gemeente, string What, DateOnly Since);
