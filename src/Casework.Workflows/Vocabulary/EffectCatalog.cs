using System.Collections.Frozen;

namespace Casework.Workflows.Vocabulary;

/// <summary>How an effect parameter's value is checked by the lint.</summary>
public enum EffectParamKind
{
    /// <summary>Any non-empty string.</summary>
    Text,

    /// <summary>One of <see cref="DeadlineKinds.All"/>.</summary>
    DeadlineKind,

    /// <summary>The id of an <c>actor: system</c> action of the same definition.</summary>
    SystemActionId,

    /// <summary>An organisation code (<c>RVO</c>, <c>GM0363</c>) or a case role from <see cref="RouteTargets.CaseRoles"/>.</summary>
    RouteTarget,

    /// <summary>The name of a required input field of the same action.</summary>
    InputField,

    /// <summary>A whole number of days, zero or more.</summary>
    Days,

    /// <summary>A resultaat code of the target (final) state.</summary>
    ResultaatCode,

    /// <summary>The id of a workflow definition (kebab-case).</summary>
    DefinitionId,
}

public sealed record EffectParam(string Name, EffectParamKind Kind, bool Required, string Description);

/// <summary>An effect a definition may name. The engine only describes effects; the command handler applies them.</summary>
public sealed record EffectSpec(string Name, string DescriptionNl, string DescriptionEn, IReadOnlyList<EffectParam> Params)
{
    public EffectParam? FindParam(string name) => Params.FirstOrDefault(p => p.Name == name);
}

/// <summary>The effect vocabulary of the definition format. Adding one means the handler must learn to apply it.</summary>
public static class EffectCatalog
{
    public const string Route = "route";
    public const string StartDeadline = "startDeadline";
    public const string SuspendDeadline = "suspendDeadline";
    public const string ResumeDeadline = "resumeDeadline";
    public const string StopDeadline = "stopDeadline";
    public const string RecordDecision = "recordDecision";
    public const string SetResultaat = "setResultaat";
    public const string Notify = "notify";
    public const string OpenLinkedCase = "openLinkedCase";

    public static IReadOnlyList<EffectSpec> All { get; } =
    [
        new(Route, "Zaak doorzetten naar een organisatie", "Route the case to an organisation",
        [
            new("to", EffectParamKind.RouteTarget, true, "Organisation code (RVO, VRO, SBSD) or a case role (initiator, loket, lead-department, rijksvertegenwoordiger-department, committee)."),
            new("fromInput", EffectParamKind.InputField, false, "Required input field holding the organisation code; the case role named in 'to' is set to it first (e.g. the lead department)."),
        ]),
        new(StartDeadline, "Termijn starten", "Start a deadline",
        [
            new("kind", EffectParamKind.DeadlineKind, true, "Term kind; its length comes from the legal clock and the round."),
            new("onExpiry", EffectParamKind.SystemActionId, false, "System action fired when the term expires."),
            new("warnDaysBefore", EffectParamKind.Days, false, "Days before expiry to warn the owner."),
        ]),
        new(SuspendDeadline, "Termijn opschorten", "Suspend a deadline (Awb 4:15)",
        [
            new("kind", EffectParamKind.DeadlineKind, true, "Term kind to suspend."),
        ]),
        new(ResumeDeadline, "Termijn hervatten", "Resume a suspended deadline",
        [
            new("kind", EffectParamKind.DeadlineKind, true, "Term kind to resume."),
        ]),
        new(StopDeadline, "Termijn beëindigen", "Stop a deadline",
        [
            new("kind", EffectParamKind.DeadlineKind, true, "Term kind to stop."),
        ]),
        new(RecordDecision, "Besluit vastleggen", "Record a decision (ZGW besluit)",
        [
            new("besluitType", EffectParamKind.Text, true, "Besluit type, e.g. toekenning, afwijzing, buiten-behandeling."),
        ]),
        new(SetResultaat, "Resultaat vastleggen", "Set the case's resultaat",
        [
            new("code", EffectParamKind.ResultaatCode, true, "A resultaat code of the target final state."),
        ]),
        new(Notify, "Bericht versturen", "Send a notification",
        [
            new("to", EffectParamKind.RouteTarget, true, "Organisation code or case role that receives it."),
            new("template", EffectParamKind.Text, true, "Message template id."),
        ]),
        new(OpenLinkedCase, "Gekoppelde zaak openen", "Open a new case linked to this one",
        [
            new("definitionId", EffectParamKind.DefinitionId, true, "Definition of the new case; its latest version is used."),
        ]),
    ];

    private static readonly FrozenDictionary<string, EffectSpec> ByName = All.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    public static EffectSpec? Find(string name) => ByName.GetValueOrDefault(name);
}

/// <summary>The term kinds a deadline effect may name; the legal clock (Web) gives each its length.</summary>
public static class DeadlineKinds
{
    public static IReadOnlyList<string> All { get; } =
    [
        "beslistermijn",
        "hersteltermijn",
        "bezwaartermijn",
        "beslissing-op-bezwaar",
        "buiten-behandeling-besluit",
        "wbi-start-bouw",
        "wbi-alle-woningen",
        "sisa-verantwoording",
        "knelpunt-reactietermijn",
        "vastloper-reactietermijn",
    ];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}

/// <summary>Where <c>route</c> and <c>notify</c> may point besides a literal organisation code.</summary>
public static class RouteTargets
{
    /// <summary>Case roles the handler resolves from the case (and its round) when applying the effect.</summary>
    public static IReadOnlyList<string> CaseRoles { get; } =
    [
        "initiator",
        "loket",
        "lead-department",
        "rijksvertegenwoordiger-department",
        "committee",
    ];

    public static bool IsOrganisationCode(string value) =>
        value.Length > 0 && char.IsAsciiLetterUpper(value[0]) && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    public static bool IsValid(string value) => CaseRoles.Contains(value, StringComparer.Ordinal) || IsOrganisationCode(value);
}
