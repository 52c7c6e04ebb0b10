namespace Casework.Domain.Cases;

/// <summary>
/// A notification written in the same transaction as the change it announces (transactional outbox),
/// shaped after the ZGW Notificaties API: kanaal, hoofdObject, resource, resourceUrl, actie,
/// aanmaakdatum, kenmerken. A dispatcher delivers it later; it is never lost with a rolled-back change.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Kanaal = string.Empty;
        HoofdObject = string.Empty;
        Resource = string.Empty;
        ResourceUrl = string.Empty;
        Actie = string.Empty;
        Kenmerken = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Kanaal { get; private set; }

    public string HoofdObject { get; private set; }

    public string Resource { get; private set; }

    public string ResourceUrl { get; private set; }

    public string Actie { get; private set; }

    public DateTimeOffset Aanmaakdatum { get; private set; }

    /// <summary>JSON object of extra attributes (e.g. recipient, template, case type).</summary>
    public string Kenmerken { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public int Attempts { get; private set; }

    public static OutboxMessage Create(Guid id, string kanaal, string hoofdObject, string resource, string resourceUrl, string actie, DateTimeOffset at, string kenmerkenJson) =>
        new()
        {
            Id = id,
            Kanaal = kanaal,
            HoofdObject = hoofdObject,
            Resource = resource,
            ResourceUrl = resourceUrl,
            Actie = actie,
            Aanmaakdatum = at,
            Kenmerken = kenmerkenJson,
        };

    public void MarkDispatched(DateTimeOffset at)
    {
        if (DispatchedAt is not null)
        {
            throw new InvalidOperationException($"Outbox message {Id} was already dispatched at {DispatchedAt:O}.");
        }

        Attempts++;
        DispatchedAt = at;
    }
}

/// <summary>A ZGW besluit recorded by a workflow effect (e.g. toekenning, afwijzing, buiten-behandeling).</summary>
public sealed class CaseDecision
{
    private CaseDecision()
    {
        BesluitType = string.Empty;
        ActionId = string.Empty;
        DecidedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string BesluitType { get; private set; }

    public string ActionId { get; private set; }

    /// <summary>The date the decision was taken (Europe/Amsterdam).</summary>
    public DateOnly Datum { get; private set; }

    /// <summary>The date it was sent (verzenddatum); the objection term runs from the day after.</summary>
    public DateOnly? Verzenddatum { get; private set; }

    public string DecidedBy { get; private set; }

    public string? Toelichting { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static CaseDecision Record(Guid id, Guid caseId, string besluitType, string actionId, DateOnly datum, DateOnly? verzenddatum, string decidedBy, string? toelichting, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(besluitType);
        if (verzenddatum is { } sent && sent < datum)
        {
            throw new ArgumentException($"The send date {sent:yyyy-MM-dd} lies before the decision date {datum:yyyy-MM-dd}.", nameof(verzenddatum));
        }

        return new CaseDecision
        {
            Id = id,
            CaseId = caseId,
            BesluitType = besluitType,
            ActionId = actionId,
            Datum = datum,
            Verzenddatum = verzenddatum,
            DecidedBy = decidedBy,
            Toelichting = toelichting,
            RecordedAt = at,
        };
    }
}
