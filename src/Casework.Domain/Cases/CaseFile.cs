namespace Casework.Domain.Cases;

/// <summary>
/// A case (ZGW zaak; "case file" because Case is a keyword elsewhere) driven by a pinned workflow definition version. The case records the definition id
/// and version it started on and always runs on it. <see cref="Version"/> is the optimistic-concurrency
/// token: every change increments it, and a write with a stale version is refused.
/// </summary>
public sealed class CaseFile
{
    private readonly List<CaseStatus> _statuses = [];
    private readonly List<CaseMember> _members = [];

    private CaseFile()
    {
        Reference = string.Empty;
        CaseType = string.Empty;
        DefinitionId = string.Empty;
        State = string.Empty;
        StateLabel = string.Empty;
        OwningOrganisation = string.Empty;
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Human-readable reference, e.g. <c>WBI-2026-000042</c>.</summary>
    public string Reference { get; private set; }

    /// <summary>Case type (ZGW zaaktype without version), e.g. <c>wbi-application</c>, <c>knelpunt</c>.</summary>
    public string CaseType { get; private set; }

    public string DefinitionId { get; private set; }

    public int DefinitionVersion { get; private set; }

    public string State { get; private set; }

    public string StateLabel { get; private set; }

    public int StateOrder { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>Resultaat code, set when the case reaches a final state (ZGW: required before closing).</summary>
    public string? Resultaat { get; private set; }

    public string Title { get; private set; }

    /// <summary>The organisation that initiated the case (a gemeente, an alliance, a department).</summary>
    public string OwningOrganisation { get; private set; }

    /// <summary>The organisation the case is currently routed to (the one expected to act), if any.</summary>
    public string? RoutedTo { get; private set; }

    /// <summary>
    /// The behandelaar: the user of <see cref="RoutedTo"/> who handles the case, if one has claimed it or been handed it.
    /// Cleared when the case moves to another organisation.
    /// </summary>
    public string? Behandelaar { get; private set; }

    /// <summary>The display name of <see cref="Behandelaar"/> when it was set, for lists and the case page.</summary>
    public string? BehandelaarName { get; private set; }

    /// <summary>The body (SBSD, BRSD, BO-NPLV) whose agenda the case is on, if any.</summary>
    public string? BodyCode { get; private set; }

    /// <summary>The lead department (knelpunt) or the department a vastloper goes to.</summary>
    public string? LeadDepartment { get; private set; }

    /// <summary>The action proposed under the vier-ogenprincipe and awaiting another person's confirmation, if any.</summary>
    public string? ProposedAction { get; private set; }

    /// <summary>The proposal's toelichting (the reason it will take effect with).</summary>
    public string? ProposalReason { get; private set; }

    /// <summary>The proposal's input as a JSON object (the data it will take effect with).</summary>
    public string? ProposalData { get; private set; }

    public string? ProposedBy { get; private set; }

    public string? ProposedByName { get; private set; }

    public string? ProposedByOrganisation { get; private set; }

    public DateTimeOffset? ProposedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Concurrency token: 1 when opened, incremented by the persistence layer on every saved change.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The volgnummer of the case's latest status. A new status takes the next number from here, not from
    /// <see cref="Statuses"/>, so a command that only appends a status need not load the whole history.
    /// </summary>
    public int LastStatusSequence { get; private set; }

    /// <summary>
    /// The status history as loaded with the case: the whole history when it was loaded with it (the default),
    /// or only the statuses added since when the caller loaded the case without it (a transition does: it only
    /// appends). Read the history from a case loaded with it.
    /// </summary>
    public IReadOnlyList<CaseStatus> Statuses => _statuses;

    /// <summary>Other organisations that share the case (the member gemeenten of a joint application).</summary>
    public IReadOnlyList<CaseMember> Members => _members;

    public static CaseFile Open(
        Guid id,
        string reference,
        string caseType,
        string definitionId,
        int definitionVersion,
        string initialState,
        string initialStateLabel,
        int initialStateOrder,
        string owningOrganisation,
        string title,
        DateTimeOffset now,
        string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseType);
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(definitionVersion, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(initialState);
        ArgumentException.ThrowIfNullOrWhiteSpace(owningOrganisation);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var @case = new CaseFile
        {
            Id = id,
            Reference = reference,
            CaseType = caseType,
            DefinitionId = definitionId,
            DefinitionVersion = definitionVersion,
            State = initialState,
            StateLabel = initialStateLabel,
            StateOrder = initialStateOrder,
            OwningOrganisation = owningOrganisation,
            Title = title,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            LastStatusSequence = 1,
        };
        @case._statuses.Add(new CaseStatus(id, 1, initialState, initialStateLabel, initialStateOrder, null, now, actorUserId, owningOrganisation, null));
        return @case;
    }

    public void AddMember(string organisationCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationCode);
        if (organisationCode == OwningOrganisation || _members.Exists(m => m.OrganisationCode == organisationCode))
        {
            throw new InvalidOperationException($"{organisationCode} is already part of case {Reference}.");
        }

        _members.Add(new CaseMember(Id, organisationCode));
    }

    /// <summary>Moves the case to a new state, recording the status (ZGW status with volgnummer).</summary>
    public CaseStatus TransitionTo(
        string state,
        string label,
        int order,
        bool final,
        string? resultaat,
        string actionId,
        DateTimeOffset now,
        string actorUserId,
        string actorOrganisation,
        string? reason)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException($"Case {Reference} is closed; it cannot move to '{state}'.");
        }

        if (final && string.IsNullOrWhiteSpace(resultaat))
        {
            throw new InvalidOperationException($"Case {Reference} cannot be closed in '{state}' without a resultaat (ZGW zrc-007).");
        }

        // A proposal is for the state it was made in: any move (its confirmation, or the system's) ends it.
        ClearProposal(now);
        State = state;
        StateLabel = label;
        StateOrder = order;
        if (final)
        {
            IsClosed = true;
            Resultaat = resultaat;
            ClosedAt = now;
        }

        Touch(now);
        LastStatusSequence++;
        var status = new CaseStatus(Id, LastStatusSequence, state, label, order, actionId, now, actorUserId, actorOrganisation, reason);
        _statuses.Add(status);
        return status;
    }

    /// <summary>Records a proposal (vier-ogenprincipe); the engine decided that it may be made and that none is pending.</summary>
    public void Propose(string actionId, string? reason, string dataJson, string userId, string displayName, string organisation, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (IsClosed)
        {
            throw new InvalidOperationException($"Case {Reference} is closed; nothing can be proposed on it.");
        }

        if (ProposedAction is not null)
        {
            throw new InvalidOperationException($"Case {Reference} already holds a proposal '{ProposedAction}'.");
        }

        ProposedAction = actionId;
        ProposalReason = reason;
        ProposalData = dataJson;
        ProposedBy = userId;
        ProposedByName = displayName;
        ProposedByOrganisation = organisation;
        ProposedAt = now;
        Touch(now);
    }

    /// <summary>Ends the pending proposal, if any (confirmed, declined, withdrawn, or overtaken by another transition).</summary>
    public void ClearProposal(DateTimeOffset now)
    {
        if (ProposedAction is null)
        {
            return;
        }

        ProposedAction = null;
        ProposalReason = null;
        ProposalData = null;
        ProposedBy = null;
        ProposedByName = null;
        ProposedByOrganisation = null;
        ProposedAt = null;
        Touch(now);
    }

    public void RouteTo(string organisationCode, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationCode);
        if (RoutedTo != organisationCode)
        {
            Behandelaar = null;
            BehandelaarName = null;
        }

        RoutedTo = organisationCode;
        Touch(now);
    }

    /// <summary>Makes <paramref name="userId"/> the behandelaar (a claim, a hand-over or a reassignment); the caller checks who may.</summary>
    public void AssignBehandelaar(string userId, string displayName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (IsClosed)
        {
            throw new InvalidOperationException($"Case {Reference} is closed; it has no behandelaar to assign.");
        }

        Behandelaar = userId;
        BehandelaarName = displayName;
        Touch(now);
    }

    /// <summary>Leaves the case to its organisation again, without a behandelaar.</summary>
    public void ReleaseBehandelaar(DateTimeOffset now)
    {
        Behandelaar = null;
        BehandelaarName = null;
        Touch(now);
    }

    public void SetLeadDepartment(string departmentCode, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentCode);
        LeadDepartment = departmentCode;
        Touch(now);
    }

    public void PlaceWithBody(string? bodyCode, DateTimeOffset now)
    {
        BodyCode = bodyCode;
        Touch(now);
    }

    /// <summary>Records when the case last changed. The persistence layer bumps <see cref="Version"/> once per saved change.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
    }

    /// <summary>Everyone who may see the case as its owner: the initiator and the members.</summary>
    public bool IsOwnedBy(string organisationCode) =>
        OwningOrganisation == organisationCode || _members.Exists(m => m.OrganisationCode == organisationCode);
}

/// <summary>One status in the life of a case (ZGW status: volgnummer, when, by whom, why).</summary>
public sealed record CaseStatus(
    Guid CaseId,
    int Sequence,
    string State,
    string Label,
    int Order,
    string? ActionId,
    DateTimeOffset At,
    string ActorUserId,
    string ActorOrganisation,
    string? Reason);

public sealed record CaseMember(Guid CaseId, string OrganisationCode);
