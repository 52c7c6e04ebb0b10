using System.Text.Json;
using Casework.Domain.Access;

namespace Casework.Workflows.Engine;

/// <summary>What the engine needs to know about a case; read by the handler inside the command's transaction.</summary>
public sealed record CaseSnapshot(Guid CaseId, string CaseType, string CurrentState, string OwningOrganisation)
{
    /// <summary>Member organisations of a joint application (a regio: several gemeenten with a lead).</summary>
    public IReadOnlyCollection<string> MemberOrganisations { get; init; } = [];

    /// <summary>The organisation the case is routed to, if any.</summary>
    public string? RoutedTo { get; init; }

    /// <summary>The user id of the case's behandelaar, if anyone has claimed it.</summary>
    public string? Behandelaar { get; init; }

    /// <summary>The body (SBSD, BRSD, BO, an alliance) whose agenda the case is on, if any.</summary>
    public string? BodyCode { get; init; }

    /// <summary>An action proposed under the vier-ogenprincipe and awaiting another person's confirmation, if any.</summary>
    public PendingProposal? Proposal { get; init; }
}

/// <summary>A proposed action (vier-ogenprincipe): what was proposed, by whom and for which organisation, with the input it will take effect with.</summary>
public sealed record PendingProposal(string ActionId, string ProposedBy, string ProposedByOrganisation, ActionInput Input);

/// <summary>Who acts: a person acting for one organisation in one or more roles, or the system.</summary>
public sealed record Actor(string UserId, string Organisation, IReadOnlySet<Role> Roles)
{
    public const string SystemOrganisation = "SYSTEEM";

    public bool IsSystem { get; private init; }

    /// <summary>The deadline worker and other automatic triggers.</summary>
    public static Actor System { get; } = new("system", SystemOrganisation, new HashSet<Role> { Role.Systeem }) { IsSystem = true };

    public static Actor Person(string userId, string organisation, params Role[] roles) =>
        new(userId, organisation, roles.Where(r => r != Role.Systeem).ToHashSet());
}

/// <summary>What the actor sent with the action: <c>{ reason?, data? }</c>.</summary>
public sealed record ActionInput(string? Reason, IReadOnlyDictionary<string, JsonElement> Data)
{
    public static ActionInput Empty { get; } = new(null, new Dictionary<string, JsonElement>());

    public static ActionInput WithReason(string reason) => new(reason, new Dictionary<string, JsonElement>());
}
