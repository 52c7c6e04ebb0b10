using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Time;
using Casework.Web.Features.Cases;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Web.Features.Workflows.Guards;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Guards;
using Casework.Workflows.Loading;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Casework.Benchmarks;

/// <summary>
/// The FAIR raw baseline: a hand-written implementation of the same command as <c>FireActionCommand</c> (the HTTP
/// endpoint <c>POST /api/v1/cases/{id}/actions/{action}</c>) for the loop <c>aanhouden</c>/<c>hervatten</c> of the
/// bench definition, with plain ADO.NET (Microsoft.Data.Sqlite) instead of Mediator, DI and EF Core. Per command,
/// as one HTTP request of the host would:
/// <list type="number">
/// <item>the request rules of <c>FireActionValidator</c> (action id, If-Match version, reason length, data count);</item>
/// <item>a pooled connection on the host's own connection string (same file, same <c>Default Timeout=30</c> busy
/// timeout; WAL is a property of the file, <c>synchronous</c> is SQLite's default FULL on both), opened per command;
/// the host's in-process writer queue (<see cref="SqliteWriterGate"/>), then <c>BEGIN IMMEDIATE</c>;</item>
/// <item>the case row with everything the command path loads (state, version, last status volgnummer, routing,
/// members), scoped by the same visibility rule (owner or member, for a gemeente user), 404 otherwise; the auditor
/// and If-Match version checks;</item>
/// <item>the decision by the REAL <see cref="WorkflowEngine"/> (Casework.Workflows) on the same pinned definition,
/// loaded from the host's definitions folder the way the host loads it, with the host's real guard
/// (<see cref="OpAgendaGuard"/>) reading its fact (<c>agenda.behandeld:SBSD</c>) with raw SQL from the same
/// Meetings/AgendaItems rows as <c>AgendaFactLoader</c>;</item>
/// <item>the head of the case's audit chain;</item>
/// <item>the same writes: the case update with the version check, the status row, the audit row hash-chained by the
/// domain's pure <see cref="AuditEvent.Append"/> (same old/new values as <c>CaseTransitions</c>), the outbox row;</item>
/// <item>the response's reads inside the transaction, as the handler does: the case's deadlines and the actions now
/// available, computed by the real engine (<see cref="WorkflowEngine.GetAvailableActionsAsync"/>, guards and their
/// fact reads included);</item>
/// <item>COMMIT, then the response: the same <see cref="CaseDto"/> the endpoint returns, serialised with
/// System.Text.Json under the host's HTTP options (<see cref="HttpJson"/>) to a stream.</item>
/// </list>
/// Not implemented, because the benchmarked actions have none (checked per call, so the baseline can never silently
/// do less): effects, transition hooks, final states. What it does not have by design is the framework: DI scopes,
/// Mediator and its pipeline, EF Core's change tracking, query pipeline and update pipeline.
/// </summary>
internal sealed partial class RawAdoTransitions
{
    /// <summary>The JSON options of the host's HTTP responses (Program.cs, <c>ConfigureHttpJsonOptions</c>).</summary>
    public static readonly JsonSerializerOptions HttpJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly DateTimeOffsetToBinaryConverter Instant = new();
    private static readonly IReadOnlyDictionary<string, JsonElement> NoData = new Dictionary<string, JsonElement>();

    // Everything the compiled load of the command path reads of the case (all columns), with its members.
    private const string ReadCaseSql = """
        SELECT c.Reference, c.CaseType, c.DefinitionId, c.DefinitionVersion, c.State, c.StateLabel, c.StateOrder, c.IsClosed,
               c.Resultaat, c.Title, c.OwningOrganisation, c.RoutedTo, c.BodyCode, c.LeadDepartment, c.CreatedAt, c.UpdatedAt,
               c.ClosedAt, c.Version, c.LastStatusSequence, c.Behandelaar, c.BehandelaarName, m.OrganisationCode
        FROM Cases AS c LEFT JOIN CaseMembers AS m ON m.CaseId = c.Id
        WHERE c.Id = $id
          AND (c.OwningOrganisation = $org OR EXISTS (SELECT 1 FROM CaseMembers AS x WHERE x.CaseId = c.Id AND x.OrganisationCode = $org))
        ORDER BY m.OrganisationCode
        """;

    // The scoping rule of every other (non-gemeente) role: routed to, lead, body, or acted on it (CaseAccess.InvolvedWith).
    private const string ReadCaseInvolvedSql = """
        SELECT c.Reference, c.CaseType, c.DefinitionId, c.DefinitionVersion, c.State, c.StateLabel, c.StateOrder, c.IsClosed,
               c.Resultaat, c.Title, c.OwningOrganisation, c.RoutedTo, c.BodyCode, c.LeadDepartment, c.CreatedAt, c.UpdatedAt,
               c.ClosedAt, c.Version, c.LastStatusSequence, c.Behandelaar, c.BehandelaarName, m.OrganisationCode
        FROM Cases AS c LEFT JOIN CaseMembers AS m ON m.CaseId = c.Id
        WHERE c.Id = $id
          AND (c.OwningOrganisation = $org OR c.RoutedTo = $org OR c.LeadDepartment = $org OR c.BodyCode = $org
               OR EXISTS (SELECT 1 FROM CaseMembers AS x WHERE x.CaseId = c.Id AND x.OrganisationCode = $org)
               OR EXISTS (SELECT 1 FROM CaseStatuses AS s WHERE s.CaseId = c.Id AND s.ActorOrganisation = $org))
        ORDER BY m.OrganisationCode
        """;

    private const string ReadHeadSql = "SELECT Sequence, Hash FROM AuditEvents WHERE Stream = $stream ORDER BY Sequence DESC LIMIT 1";

    private const string UpdateCaseSql = """
        UPDATE Cases SET State = $state, StateLabel = $label, StateOrder = $order, UpdatedAt = $at, LastStatusSequence = $sequence, Version = $newVersion
        WHERE Id = $id AND Version = $version
        """;

    private const string InsertStatusSql = """
        INSERT INTO CaseStatuses (CaseId, Sequence, State, Label, "Order", ActionId, At, ActorUserId, ActorOrganisation, Reason)
        VALUES ($id, $sequence, $state, $label, $order, $action, $at, $user, $org, $reason)
        """;

    private const string InsertAuditSql = """
        INSERT INTO AuditEvents (Stream, Sequence, At, ActorUserId, ActorOrganisation, Action, ObjectType, ObjectId, Result, OldValues, NewValues, Reason, PreviousHash, Hash)
        VALUES ($stream, $sequence, $at, $user, $org, $action, $objectType, $objectId, $result, $old, $new, $reason, $previous, $hash)
        RETURNING Id
        """;

    private const string InsertOutboxSql = """
        INSERT INTO OutboxMessages (Id, Kanaal, HoofdObject, Resource, ResourceUrl, Actie, Aanmaakdatum, Kenmerken, DispatchedAt, Attempts)
        VALUES ($id, $kanaal, $hoofdObject, $resource, $resourceUrl, $actie, $at, $kenmerken, NULL, 0)
        """;

    // The response's deadlines: every deadline of the case, as FireActionHandler.RespondAsync reads them (the columns the DTO needs).
    private const string ReadDeadlinesSql = """
        SELECT Id, KindId, Status, StartedOn, FirstDay, OriginalDueDate, CurrentDueDate, TotalSuspendedDays, TotalExtensionDays, WarningLeadDays
        FROM Deadlines WHERE CaseId = $id
        """;

    // AgendaFactLoader's question: an open item for the case on the agenda of a planned meeting of the body whose date has come.
    private const string AgendaFactSql = """
        SELECT EXISTS (SELECT 1 FROM Meetings AS m
                       WHERE m.BodyCode = $body AND m.Status = 'Gepland' AND m.Date <= $today
                         AND EXISTS (SELECT 1 FROM AgendaItems AS i WHERE i.MeetingId = m.Id AND i.CaseId = $id AND i.Status = 'Open'))
        """;

    private readonly string _connectionString;
    private readonly SqliteWriterGate _gate;
    private readonly DefinitionCatalog _catalog;
    private readonly WorkflowEngine _engine;
    private readonly TimeProvider _time;

    /// <param name="connectionString">The host's prepared connection string (<see cref="BenchHost.ConnectionString"/>).</param>
    /// <param name="definitionsFolder">The host's definitions folder: loaded and linted exactly as at the host's start-up.</param>
    public RawAdoTransitions(string connectionString, string definitionsFolder, TimeProvider time)
    {
        _connectionString = connectionString;
        _gate = SqliteWriterGate.For(connectionString);
        _catalog = WorkflowSetup.LoadCatalog(definitionsFolder);
        _engine = new WorkflowEngine(new GuardRegistry([new OpAgendaGuard()]));
        _time = time;
    }

    /// <summary>Time spent in COMMIT (the WAL append and its fsync), for the profile mode.</summary>
    public TimeSpan CommitTime { get; set; }

    /// <summary>SQL statements sent (BEGIN and COMMIT not counted), for the profile's comparison with the command path.</summary>
    public long Statements { get; set; }

    /// <summary>
    /// One command: fires <paramref name="actionId"/> on the case as <paramref name="actor"/> with If-Match
    /// <paramref name="expectedVersion"/>, writes the response JSON to <paramref name="response"/>, returns the DTO.
    /// </summary>
    public async Task<CaseDto> FireAsync(Actor actor, Guid caseId, string actionId, int expectedVersion, string? reason, Stream response, IReadOnlyDictionary<string, JsonElement>? data = null, CancellationToken ct = default)
    {
        data ??= NoData;
        Validate(actionId, expectedVersion, reason, data);
        var input = new ActionInput(reason, data);

        // EF Core stores a Guid on SQLite as upper-case text; the baseline must address the same rows.
        var id = caseId.ToString().ToUpperInvariant();
        CaseDto dto;
        await using (var connection = new SqliteConnection(_connectionString))
        {
            await connection.OpenAsync(ct);
            using var lease = await _gate.EnterAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var facts = new AgendaFacts(this, connection, transaction, id);

            // The case as the caller may see it (404 otherwise), then who may write and the If-Match version.
            var c = await ReadCaseAsync(connection, transaction, id, actor, ct) ?? throw new InvalidOperationException($"404: case {caseId} not found or not visible to {actor.Organisation}.");
            if (!actor.IsSystem && actor.Roles.Count > 0 && actor.Roles.All(r => r == Role.Auditor))
            {
                throw new InvalidOperationException("403: an auditor reads everything and writes nothing.");
            }

            if (c.Version != expectedVersion)
            {
                throw new InvalidOperationException($"412: stale version {expectedVersion}, the case is at {c.Version}.");
            }

            // The engine decides on the case's pinned definition.
            var definition = _catalog.Find(c.DefinitionId, c.DefinitionVersion)?.Definition
                ?? throw new InvalidOperationException($"Case {c.Reference} runs on {c.DefinitionId} v{c.DefinitionVersion}, which is not loaded.");
            var snapshot = new CaseSnapshot(caseId, c.CaseType, c.State, c.OwningOrganisation) { MemberOrganisations = c.Members, RoutedTo = c.RoutedTo, BodyCode = c.BodyCode, Behandelaar = c.Behandelaar };
            facts.Begin();
            var decision = await _engine.DecideAsync(definition, snapshot, actor, actionId, input, facts, ct);
            if (decision is not Transition transition)
            {
                throw new InvalidOperationException($"Refused: {string.Join(" ", ((Refusal)decision).Reasons.Select(r => r.Message))}");
            }

            if (transition.Effects.Count > 0 || transition.ToIsFinal)
            {
                throw new NotSupportedException($"The raw baseline implements transitions without effects to a non-final state; '{actionId}' has {transition.Effects.Count} effects, final: {transition.ToIsFinal}.");
            }

            var now = _time.GetUtcNow();
            var at = (long)Instant.ConvertToProvider(now)!;
            var sequence = c.LastStatusSequence + 1;
            var newVersion = c.Version + 1;

            // The audit chain's head and the new event (the same values CaseTransitions records).
            var stream = AuditTrail.CaseStream(caseId);
            long headSequence = 0;
            var headHash = AuditEvent.GenesisHash;
            await using (var head = Command(connection, transaction, ReadHeadSql, ("$stream", stream)))
            await using (var reader = await head.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    headSequence = reader.GetInt64(0);
                    headHash = reader.GetString(1);
                }
            }

            var audit = AuditEvent.Append(
                stream, headSequence + 1, headHash, now, actor.UserId, actor.Organisation, "zaak." + transition.ActionId, "zaak", caseId.ToString(), "ok",
                new { status = c.State, doorgezetNaar = c.RoutedTo },
                new { status = transition.To, doorgezetNaar = c.RoutedTo, resultaat = c.Resultaat, gegevens = data.Count == 0 ? null : data },
                reason);

            // The writes: the version-checked update first (a lost race writes nothing else), then the three rows.
            await using (var update = Command(
                connection, transaction, UpdateCaseSql,
                ("$state", transition.To), ("$label", transition.ToLabel), ("$order", transition.ToOrder), ("$at", at), ("$sequence", sequence), ("$newVersion", newVersion), ("$id", id), ("$version", c.Version)))
            {
                if (await update.ExecuteNonQueryAsync(ct) != 1)
                {
                    throw new InvalidOperationException($"409: case {caseId} changed underneath (version {c.Version}).");
                }
            }

            await using (var status = Command(
                connection, transaction, InsertStatusSql,
                ("$id", id), ("$sequence", sequence), ("$state", transition.To), ("$label", transition.ToLabel), ("$order", transition.ToOrder), ("$action", transition.ActionId),
                ("$at", at), ("$user", actor.UserId), ("$org", actor.Organisation), ("$reason", reason)))
            {
                await status.ExecuteNonQueryAsync(ct);
            }

            await using (var auditRow = Command(
                connection, transaction, InsertAuditSql,
                ("$stream", audit.Stream), ("$sequence", audit.Sequence), ("$at", (long)Instant.ConvertToProvider(audit.At)!), ("$user", audit.ActorUserId), ("$org", audit.ActorOrganisation),
                ("$action", audit.Action), ("$objectType", audit.ObjectType), ("$objectId", audit.ObjectId), ("$result", audit.Result), ("$old", audit.OldValues), ("$new", audit.NewValues),
                ("$reason", audit.Reason), ("$previous", audit.PreviousHash), ("$hash", audit.Hash)))
            {
                _ = await auditRow.ExecuteScalarAsync(ct);
            }

            var url = $"/api/v1/cases/{caseId}";
            await using (var outbox = Command(
                connection, transaction, InsertOutboxSql,
                ("$id", Guid.NewGuid().ToString().ToUpperInvariant()), ("$kanaal", "zaken"), ("$hoofdObject", url), ("$resource", "zaak"), ("$resourceUrl", url), ("$actie", "update"), ("$at", at),
                ("$kenmerken", JsonSerializer.Serialize(new { actie = transition.ActionId, van = transition.From, naar = transition.To }, JsonSerializerOptions.Web))))
            {
                await outbox.ExecuteNonQueryAsync(ct);
            }

            // The response, read inside the transaction as the handler does: deadlines, then the actions now open to the caller.
            var today = AmsterdamClock.Today(_time);
            var deadlines = await ReadDeadlinesAsync(connection, transaction, id, today, ct);
            var after = snapshot with { CurrentState = transition.To };
            facts.Begin();
            var actions = await _engine.GetAvailableActionsAsync(definition, after, actor, facts, includeAll: false, ct);

            var commitStart = System.Diagnostics.Stopwatch.GetTimestamp();
            await transaction.CommitAsync(ct);
            CommitTime += System.Diagnostics.Stopwatch.GetElapsedTime(commitStart);

            dto = new CaseDto(
                caseId, c.Reference, c.CaseType, c.Title, transition.To, transition.ToLabel, transition.ToOrder, c.IsClosed, c.Resultaat,
                new DefinitionRefDto(c.DefinitionId, c.DefinitionVersion), c.OwningOrganisation, c.Members, c.RoutedTo, c.BodyCode, c.LeadDepartment,
                c.Behandelaar is null ? null : new BehandelaarDto(c.Behandelaar, c.BehandelaarName ?? c.Behandelaar),
                newVersion, c.CreatedAt, now, c.ClosedAt, deadlines, [.. actions.Select(ToDto)]);
        }

        // What the endpoint does after the handler: the DTO as JSON into the response body.
        await JsonSerializer.SerializeAsync(response, dto, HttpJson, ct);
        return dto;
    }

    /// <summary>The value of a PRAGMA on a connection of the baseline (the profile compares them with the host's).</summary>
    public string? Pragma(string name)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The rules of <c>FireActionValidator</c>, by hand (a 400 there).</summary>
    private static void Validate(string actionId, int expectedVersion, string? reason, IReadOnlyDictionary<string, JsonElement> data)
    {
        if (string.IsNullOrEmpty(actionId) || actionId.Length > 64 || !ActionIdPattern().IsMatch(actionId))
        {
            throw new ArgumentException("400: De actie is geen geldige actie-id.", nameof(actionId));
        }

        if (expectedVersion <= 0)
        {
            throw new ArgumentException("400: " + CaseActionPath.IfMatchMessage, nameof(expectedVersion));
        }

        if (reason?.Length > 4000)
        {
            throw new ArgumentException("400: reason too long.", nameof(reason));
        }

        if (data.Count > 50)
        {
            throw new ArgumentException("400: Te veel gegevens (maximaal 50 velden).", nameof(data));
        }
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]*$")]
    private static partial Regex ActionIdPattern();

    private async Task<CaseRow?> ReadCaseAsync(SqliteConnection connection, SqliteTransaction transaction, string id, Actor actor, CancellationToken ct)
    {
        if (CaseAccess.SeesEverything(actor) || actor.Roles.Count == 0)
        {
            throw new NotSupportedException("The raw baseline scopes gemeente users and involved organisations only.");
        }

        var sql = actor.Roles.All(r => r == Role.GemeenteAanvrager) ? ReadCaseSql : ReadCaseInvolvedSql;
        await using var command = Command(connection, transaction, sql, ("$id", id), ("$org", actor.Organisation));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var members = new List<string>();
        var row = new CaseRow(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetBoolean(7),
            Text(reader, 8), reader.GetString(9), reader.GetString(10), Text(reader, 11), Text(reader, 12), Text(reader, 13),
            At(reader.GetInt64(14)), At(reader.GetInt64(15)), reader.IsDBNull(16) ? null : At(reader.GetInt64(16)), reader.GetInt32(17), reader.GetInt32(18), Text(reader, 19), Text(reader, 20), members);
        do
        {
            if (!reader.IsDBNull(21))
            {
                members.Add(reader.GetString(21));
            }
        }
        while (await reader.ReadAsync(ct));

        return row;
    }

    private async Task<List<DeadlineDto>> ReadDeadlinesAsync(SqliteConnection connection, SqliteTransaction transaction, string id, DateOnly today, CancellationToken ct)
    {
        var deadlines = new List<DeadlineDto>();
        await using var command = Command(connection, transaction, ReadDeadlinesSql, ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // The same fields and rules as CaseMapping.ToDto(Deadline): the kind's name and source, the warning day, overdue.
            var kind = TermKinds.Get(reader.GetString(1));
            var status = Enum.Parse<DeadlineStatus>(reader.GetString(2));
            var firstDay = Day(reader, 4);
            var due = Day(reader, 6);
            var warning = due.AddDays(-reader.GetInt32(9));
            deadlines.Add(new DeadlineDto(
                Guid.Parse(reader.GetString(0)), kind.Id, kind.Name, kind.LegalSource, status, Day(reader, 3), due, Day(reader, 5), warning < firstDay ? firstDay : warning,
                reader.GetInt32(7), reader.GetInt32(8), status == DeadlineStatus.Expired || (status == DeadlineStatus.Running && today > due)));
        }

        deadlines.Sort((a, b) => a.DueDate.CompareTo(b.DueDate));
        return deadlines;
    }

    private static AvailableActionDto ToDto(AvailableAction a) => new(
        a.ActionId,
        a.Label,
        a.To,
        a.Allowed,
        [.. a.Reasons.Select(r => new ReasonDto(r.Code, r.Message, r.Source, r.Guard))],
        new ActionInputSpecDto(a.Input.ReasonRequired, [.. a.Input.Fields.Select(f => new ActionInputFieldDto(f.Name, f.Type == InputFieldType.WholeNumber ? "integer" : f.Type.ToString().ToLowerInvariant(), f.Required, f.Choices, f.Minimum, f.Maximum))]));

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        Statements++;
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateOnly Day(DbDataReader reader, int ordinal) => DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(long stored) => (DateTimeOffset)Instant.ConvertFromProvider(stored)!;

    /// <summary>The case row as the command reads it.</summary>
    private sealed record CaseRow(
        string Reference, string CaseType, string DefinitionId, int DefinitionVersion, string State, string StateLabel, int StateOrder, bool IsClosed,
        string? Resultaat, string Title, string OwningOrganisation, string? RoutedTo, string? BodyCode, string? LeadDepartment,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt, int Version, int LastStatusSequence, string? Behandelaar, string? BehandelaarName, List<string> Members);

    /// <summary>
    /// The guard facts of one command, like <c>CaseFacts</c>: loaded on first use within one evaluation and cached for it
    /// only. Supplies <c>agenda.behandeld:{BODY}</c> (the only fact the bench definition's guard reads); any other key
    /// is null, which fails its guard closed, as in the host.
    /// </summary>
    private sealed class AgendaFacts(RawAdoTransitions owner, SqliteConnection connection, SqliteTransaction transaction, string caseId) : IGuardFacts
    {
        private readonly Dictionary<string, object?> _cache = new(StringComparer.Ordinal);

        public void Begin() => _cache.Clear();

        public async ValueTask<T?> GetAsync<T>(string key, CancellationToken ct)
        {
            if (!_cache.TryGetValue(key, out var value))
            {
                value = key.StartsWith(OpAgendaGuard.FactPrefix, StringComparison.Ordinal) ? await OnAgendaAsync(key[OpAgendaGuard.FactPrefix.Length..], ct) : null;
                _cache[key] = value;
            }

            return value is T typed ? typed : default;
        }

        private async Task<object?> OnAgendaAsync(string body, CancellationToken ct)
        {
            var today = AmsterdamClock.Today(owner._time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await using var command = owner.Command(connection, transaction, AgendaFactSql, ("$body", body), ("$today", today), ("$id", caseId));
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1;
        }
    }
}
