using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// One version of an award's conditions: the amount, the homes by category, the project area and the milestone dates.
/// Version 1 is the award itself; every approved wijzigingsverzoek adds the next version. A version is never
/// changed or removed, so the conditions a besluit was taken on stay readable.
/// </summary>
internal sealed class AwardConditions
{
    private AwardConditions()
    {
        Reason = string.Empty;
        RecordedBy = string.Empty;
    }

    public AwardConditions(Guid applicationId, int version, Money amount, HomesByCategory homes, string? projectArea, DateOnly startBouwUiterlijk, DateOnly gereedUiterlijk, DateOnly validFrom, string reason, Guid? changeCaseId, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Version = version;
        Amount = amount;
        SocialeHuur = homes.SocialeHuur;
        Middenhuur = homes.Middenhuur;
        BetaalbareKoop = homes.BetaalbareKoop;
        OtherHomes = homes.Other;
        ProjectArea = projectArea;
        StartBouwUiterlijk = startBouwUiterlijk;
        GereedUiterlijk = gereedUiterlijk;
        ValidFrom = validFrom;
        Reason = reason;
        ChangeCaseId = changeCaseId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int Version { get; private set; }

    public Money Amount { get; private set; }

    public int SocialeHuur { get; private set; }

    public int Middenhuur { get; private set; }

    public int BetaalbareKoop { get; private set; }

    public int OtherHomes { get; private set; }

    public HomesByCategory Homes => new(SocialeHuur, Middenhuur, BetaalbareKoop, OtherHomes);

    public string? ProjectArea { get; private set; }

    public DateOnly StartBouwUiterlijk { get; private set; }

    public DateOnly GereedUiterlijk { get; private set; }

    /// <summary>The day these conditions took effect (the award's or the wijzigingsbesluit's day).</summary>
    public DateOnly ValidFrom { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The wijzigingsverzoek case whose besluit made this version; null for the award's own version.</summary>
    public Guid? ChangeCaseId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The milestones of an award; the kinds and their terms are data of the round (its rule set).</summary>
internal static class MilestoneKinds
{
    public const string StartBouw = "start-bouw";
    public const string Gereed = "gereed";

    public static string Label(string kind) => kind switch
    {
        StartBouw => "Start van de bouw",
        Gereed => "Alle woningen gereed",
        _ => kind,
    };

    /// <summary>
    /// The actions of the application's definition (vhf/wbi v4) that follow the milestone's report and judgement; an
    /// older definition offers none of them, and its case stays where it is (ADR-023).
    /// </summary>
    public static (string Report, string Accept, string AskMore, string DateField) Actions(string kind) => kind == StartBouw
        ? ("startBouwMijlpaalMelden", "startBouwMijlpaalAanvaarden", "startBouwMijlpaalAanvullingVragen", "startdatum")
        : ("opleveringMijlpaalMelden", "opleveringMijlpaalAanvaarden", "opleveringMijlpaalAanvullingVragen", "opleverdatum");
}

/// <summary>Where a milestone stands.</summary>
internal enum MilestoneStatus
{
    /// <summary>Not reported yet; its term runs.</summary>
    Open,

    /// <summary>The gemeente reported it; the department judges.</summary>
    Gemeld,

    /// <summary>The department asked for more evidence; the gemeente reports again.</summary>
    AanvullingGevraagd,

    /// <summary>The department accepted the report.</summary>
    Aanvaard,

    /// <summary>The term expired without an accepted report and the department accepted the gemeente's reason.</summary>
    RedenAanvaard,

    /// <summary>The term expired and the department set the award definitively (vaststelling, possibly terugvordering).</summary>
    Vastgesteld,

    /// <summary>The award was taken away (an afwijzing after objection, a revocation): nothing more is due; the reason says why.</summary>
    Vervallen,
}

/// <summary>
/// One milestone of an award (start of construction, completion) with its term, the gemeente's report (date and
/// evidence documents from the case's dossier) and the department's judgement.
/// </summary>
internal sealed class AwardMilestone
{
    private AwardMilestone()
    {
        Kind = string.Empty;
        Source = string.Empty;
        TermKindId = string.Empty;
        EvidenceDocumentIds = string.Empty;
    }

    public AwardMilestone(Guid applicationId, string kind, DateOnly dueDate, string source, string termKindId, Guid? deadlineId)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Kind = kind;
        DueDate = dueDate;
        Source = source;
        TermKindId = termKindId;
        DeadlineId = deadlineId;
        Status = MilestoneStatus.Open;
        EvidenceDocumentIds = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Kind { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>The rule the term comes from (the round's parameter source), or that it is configuration.</summary>
    public string Source { get; private set; }

    public string TermKindId { get; private set; }

    /// <summary>The deadline that watches the term (on the application's case).</summary>
    public Guid? DeadlineId { get; private set; }

    public MilestoneStatus Status { get; private set; }

    public DateOnly? ReportedDate { get; private set; }

    /// <summary>Comma-separated ids of the dossier documents that evidence the report.</summary>
    public string EvidenceDocumentIds { get; private set; }

    public IReadOnlyList<Guid> Evidence => EvidenceDocumentIds.Length == 0 ? [] : EvidenceDocumentIds.Split(',').Select(Guid.Parse).ToList();

    public string? ReportNote { get; private set; }

    public string? ReportedBy { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    public string? JudgedBy { get; private set; }

    public DateTimeOffset? JudgedAt { get; private set; }

    public string? JudgementReason { get; private set; }

    public bool IsSettled => Status is MilestoneStatus.Aanvaard or MilestoneStatus.RedenAanvaard or MilestoneStatus.Vastgesteld or MilestoneStatus.Vervallen;

    public void Relink(DateOnly dueDate, Guid? deadlineId, string termKindId)
    {
        DueDate = dueDate;
        DeadlineId = deadlineId;
        TermKindId = termKindId;
    }

    public void MoveTo(DateOnly dueDate) => DueDate = dueDate;

    public void Report(DateOnly date, IReadOnlyList<Guid> evidence, string? note, string by, DateTimeOffset at)
    {
        Status = MilestoneStatus.Gemeld;
        ReportedDate = date;
        EvidenceDocumentIds = string.Join(',', evidence);
        ReportNote = note;
        ReportedBy = by;
        ReportedAt = at;
        JudgedBy = null;
        JudgedAt = null;
        JudgementReason = null;
    }

    public void Judge(MilestoneStatus outcome, string? reason, string by, DateTimeOffset at)
    {
        Status = outcome;
        JudgementReason = reason;
        JudgedBy = by;
        JudgedAt = at;
    }
}

/// <summary>Where one budget year's SiSa verantwoording stands.</summary>
internal enum SisaYearStatus
{
    Open,
    Verantwoord,

    /// <summary>The award was set definitively, or taken away, before this year was reported; nothing more is due (<c>ClosedReason</c> says which).</summary>
    Vervallen,
}

/// <summary>What a request for uitstel of the SiSa verantwoording came to.</summary>
internal enum UitstelStatus
{
    Aangevraagd,
    Verleend,
    Geweigerd,
}

/// <summary>
/// The SiSa verantwoording of one budget year of an award (Fvw art. 17a: by 15 July of the next year), with the
/// reported realisation of that year: homes started and completed by category, and the money spent. These rows are
/// the yearly figures of the programme (see <c>AwardRealisationQuery</c>).
/// </summary>
internal sealed class SisaVerantwoording
{
    private SisaVerantwoording()
    {
    }

    public SisaVerantwoording(Guid applicationId, int budgetYear, DateOnly dueDate, Guid deadlineId)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        BudgetYear = budgetYear;
        DueDate = dueDate;
        DeadlineId = deadlineId;
        Status = SisaYearStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int BudgetYear { get; private set; }

    public DateOnly DueDate { get; private set; }

    public Guid DeadlineId { get; private set; }

    public SisaYearStatus Status { get; private set; }

    public int StartedSocialeHuur { get; private set; }

    public int StartedMiddenhuur { get; private set; }

    public int StartedBetaalbareKoop { get; private set; }

    public int StartedOther { get; private set; }

    public int CompletedSocialeHuur { get; private set; }

    public int CompletedMiddenhuur { get; private set; }

    public int CompletedBetaalbareKoop { get; private set; }

    public int CompletedOther { get; private set; }

    public HomesByCategory Started => new(StartedSocialeHuur, StartedMiddenhuur, StartedBetaalbareKoop, StartedOther);

    public HomesByCategory Completed => new(CompletedSocialeHuur, CompletedMiddenhuur, CompletedBetaalbareKoop, CompletedOther);

    public Money Spent { get; private set; }

    /// <summary>The gemeente says the project is finished with this report: no next year is opened.</summary>
    public bool ProjectCompleted { get; private set; }

    public DateOnly? ReportedOn { get; private set; }

    public string? ReportedBy { get; private set; }

    public UitstelStatus? Uitstel { get; private set; }

    public string? UitstelReason { get; private set; }

    public DateOnly? UitstelRequestedOn { get; private set; }

    public DateOnly? UitstelRequestedDate { get; private set; }

    /// <summary>The day by which the department decides on the request (<c>AfterAward:UitstelDecisionWeeks</c>, two weeks by default).</summary>
    public DateOnly? UitstelDecideBy { get; private set; }

    public string? UitstelDecidedBy { get; private set; }

    public string? UitstelDecisionReason { get; private set; }

    public void Report(HomesByCategory started, HomesByCategory completed, Money spent, bool projectCompleted, DateOnly on, string by)
    {
        StartedSocialeHuur = started.SocialeHuur;
        StartedMiddenhuur = started.Middenhuur;
        StartedBetaalbareKoop = started.BetaalbareKoop;
        StartedOther = started.Other;
        CompletedSocialeHuur = completed.SocialeHuur;
        CompletedMiddenhuur = completed.Middenhuur;
        CompletedBetaalbareKoop = completed.BetaalbareKoop;
        CompletedOther = completed.Other;
        Spent = spent;
        ProjectCompleted = projectCompleted;
        ReportedOn = on;
        ReportedBy = by;
        Status = SisaYearStatus.Verantwoord;
    }

    public void RequestUitstel(DateOnly requestedDate, string reason, DateOnly on, DateOnly decideBy)
    {
        Uitstel = UitstelStatus.Aangevraagd;
        UitstelRequestedDate = requestedDate;
        UitstelReason = reason;
        UitstelRequestedOn = on;
        UitstelDecideBy = decideBy;
    }

    public void DecideUitstel(bool granted, string? reason, string by, Guid? newDeadlineId)
    {
        Uitstel = granted ? UitstelStatus.Verleend : UitstelStatus.Geweigerd;
        UitstelDecidedBy = by;
        UitstelDecisionReason = reason;
        if (granted)
        {
            DueDate = UitstelRequestedDate!.Value;
            DeadlineId = newDeadlineId!.Value;
        }
    }

    /// <summary>Why the year lapsed unreported (the vaststelling, or the besluit that took the award away).</summary>
    public string? ClosedReason { get; private set; }

    public void Lapse(string reason)
    {
        Status = SisaYearStatus.Vervallen;
        ClosedReason = reason;
    }
}

/// <summary>One line of a vaststelling's computation: what was compared, and what it did to the amount.</summary>
internal sealed record VaststellingLine(string Rule, string Description, decimal? Amount, string Source);

/// <summary>The definitive amount of an award (once per award), with its computation.</summary>
internal sealed class Vaststelling
{
    private Vaststelling()
    {
        ComputationJson = "[]";
        DecidedBy = string.Empty;
    }

    public Vaststelling(Guid applicationId, Money amount, Money awarded, Money paid, string computationJson, DateOnly verzenddatum, Guid decisionId, string decidedBy, DateTimeOffset decidedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Amount = amount;
        Awarded = awarded;
        Paid = paid;
        ComputationJson = computationJson;
        Verzenddatum = verzenddatum;
        DecisionId = decisionId;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>The award under the latest conditions, when the vaststelling was made.</summary>
    public Money Awarded { get; private set; }

    /// <summary>What had been paid to the gemeente (less anything already reclaimed), when the vaststelling was made.</summary>
    public Money Paid { get; private set; }

    public string ComputationJson { get; private set; }

    public DateOnly Verzenddatum { get; private set; }

    public Guid DecisionId { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }
}

/// <summary>
/// The terugvordering that follows a vaststelling below what was paid: its own besluit and letter, a bezwaartermijn and a
/// payment term. Its money is booked on the round's ledger as a <c>Reclamation</c> row (at most one per vaststelling).
/// </summary>
internal sealed class Terugvordering
{
    private Terugvordering()
    {
    }

    public Terugvordering(Guid applicationId, Guid vaststellingId, Money amount, Guid reclamationId, DateOnly verzenddatum, DateOnly bezwaarUiterlijk, DateOnly betalenUiterlijk, Guid decisionId, Guid? letterDocumentId, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        VaststellingId = vaststellingId;
        Amount = amount;
        ReclamationId = reclamationId;
        Verzenddatum = verzenddatum;
        BezwaarUiterlijk = bezwaarUiterlijk;
        BetalenUiterlijk = betalenUiterlijk;
        DecisionId = decisionId;
        LetterDocumentId = letterDocumentId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid VaststellingId { get; private set; }

    public Money Amount { get; private set; }

    public Guid ReclamationId { get; private set; }

    public DateOnly Verzenddatum { get; private set; }

    public DateOnly BezwaarUiterlijk { get; private set; }

    public DateOnly BetalenUiterlijk { get; private set; }

    public Guid DecisionId { get; private set; }

    public Guid? LetterDocumentId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// A wijzigingsverzoek: its own case (same id) of the <c>wijzigingsverzoek</c> definition, linked to the award. It
/// holds the requested conditions; an approving wijzigingsbesluit turns them into the award's next version.
/// </summary>
internal sealed class Wijzigingsverzoek
{
    private Wijzigingsverzoek()
    {
        Reason = string.Empty;
        RequestedBy = string.Empty;
    }

    public Wijzigingsverzoek(Guid caseId, Guid applicationId, int basedOnVersion, Money? amount, HomesByCategory? homes, string? projectArea, DateOnly? startBouwUiterlijk, DateOnly? gereedUiterlijk, string reason, string requestedBy, DateTimeOffset requestedAt)
    {
        Id = caseId;
        ApplicationId = applicationId;
        BasedOnVersion = basedOnVersion;
        Amount = amount;
        SocialeHuur = homes?.SocialeHuur;
        Middenhuur = homes?.Middenhuur;
        BetaalbareKoop = homes?.BetaalbareKoop;
        OtherHomes = homes?.Other;
        ProjectArea = projectArea;
        StartBouwUiterlijk = startBouwUiterlijk;
        GereedUiterlijk = gereedUiterlijk;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
    }

    /// <summary>The wijzigingsverzoek's case id.</summary>
    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The conditions version the request changes.</summary>
    public int BasedOnVersion { get; private set; }

    public Money? Amount { get; private set; }

    public int? SocialeHuur { get; private set; }

    public int? Middenhuur { get; private set; }

    public int? BetaalbareKoop { get; private set; }

    public int? OtherHomes { get; private set; }

    public HomesByCategory? Homes => SocialeHuur is null ? null : new(SocialeHuur.Value, Middenhuur ?? 0, BetaalbareKoop ?? 0, OtherHomes ?? 0);

    public string? ProjectArea { get; private set; }

    public DateOnly? StartBouwUiterlijk { get; private set; }

    public DateOnly? GereedUiterlijk { get; private set; }

    public string Reason { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The conditions version the approving besluit created; null until approved.</summary>
    public int? ResultingVersion { get; private set; }

    public void Approved(int version) => ResultingVersion = version;
}
