using System.Data;
using System.Text.Json;
using Casework.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Casework.Benchmarks;

/// <summary>
/// The MINIMAL raw baseline (the reported baseline until feature/bench-2; kept for comparison with the history in
/// bench/README.md, not for the target): only the rows one <c>aanhouden</c>/<c>hervatten</c> command writes, with
/// prepared commands on one connection held open for the whole run, in one BEGIN IMMEDIATE transaction each:
/// read the case (state, version, last status volgnummer) and the head of its audit chain, a conditional version
/// update of the case row, a status-history row, an audit row hash-chained like <see cref="AuditEvent"/>, and an
/// outbox row. It does LESS than the command: no validation, no visibility check (members), no engine (the target
/// state is hard-coded), no guard facts, no deadlines or available actions, no response. The fair baseline, which
/// does the command's whole work by hand, is <see cref="RawAdoTransitions"/>.
/// </summary>
internal sealed class RawMinimalTransitions : IDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter Instant = new();

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _readCase;
    private readonly SqliteCommand _readHead;
    private readonly SqliteCommand _updateCase;
    private readonly SqliteCommand _insertStatus;
    private readonly SqliteCommand _insertAudit;
    private readonly SqliteCommand _insertOutbox;

    public RawMinimalTransitions(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _readCase = Command("SELECT State, Version, LastStatusSequence FROM Cases WHERE Id = $id AND OwningOrganisation = $org", "$id", "$org");
        _readHead = Command("SELECT Sequence, Hash FROM AuditEvents WHERE Stream = $stream ORDER BY Sequence DESC LIMIT 1", "$stream");
        _updateCase = Command(
            "UPDATE Cases SET State = $state, StateLabel = $label, StateOrder = $order, UpdatedAt = $at, LastStatusSequence = $sequence, Version = Version + 1 WHERE Id = $id AND Version = $version",
            "$state", "$label", "$order", "$at", "$sequence", "$id", "$version");
        _insertStatus = Command(
            """
            INSERT INTO CaseStatuses (CaseId, Sequence, State, Label, "Order", ActionId, At, ActorUserId, ActorOrganisation, Reason)
            VALUES ($id, $sequence, $state, $label, $order, $action, $at, $user, $org, $reason)
            """,
            "$id", "$sequence", "$state", "$label", "$order", "$action", "$at", "$user", "$org", "$reason");
        _insertAudit = Command(
            """
            INSERT INTO AuditEvents (Stream, Sequence, At, ActorUserId, ActorOrganisation, Action, ObjectType, ObjectId, Result, OldValues, NewValues, Reason, PreviousHash, Hash)
            VALUES ($stream, $sequence, $at, $user, $org, $action, $objectType, $objectId, $result, $old, $new, $reason, $previous, $hash)
            """,
            "$stream", "$sequence", "$at", "$user", "$org", "$action", "$objectType", "$objectId", "$result", "$old", "$new", "$reason", "$previous", "$hash");
        _insertOutbox = Command(
            """
            INSERT INTO OutboxMessages (Id, Kanaal, HoofdObject, Resource, ResourceUrl, Actie, Aanmaakdatum, Kenmerken, DispatchedAt, Attempts)
            VALUES ($id, $kanaal, $hoofdObject, $resource, $resourceUrl, $actie, $at, $kenmerken, NULL, 0)
            """,
            "$id", "$kanaal", "$hoofdObject", "$resource", "$resourceUrl", "$actie", "$at", "$kenmerken");
    }

    /// <summary>Time spent in COMMIT (the WAL append and its fsync), for the profile mode.</summary>
    public TimeSpan CommitTime { get; set; }

    /// <summary>One transition of the aanhouden/hervatten loop; returns the new version.</summary>
    public int Toggle(Guid caseId, int expectedVersion, string userId, string organisation, string? reason)
    {
        // EF Core stores a Guid on SQLite as upper-case text; the baseline must address the same rows.
        var id = caseId.ToString().ToUpperInvariant();
        var now = DateTimeOffset.UtcNow;
        var at = (long)Instant.ConvertToProvider(now)!;
        using var transaction = _connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);

        Bind(_readCase, transaction, id, organisation);
        string state;
        int version;
        int sequence;
        using (var reader = _readCase.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new InvalidOperationException($"Case {caseId} not found.");
            }

            state = reader.GetString(0);
            version = reader.GetInt32(1);
            sequence = reader.GetInt32(2) + 1;
        }

        if (version != expectedVersion)
        {
            throw new InvalidOperationException($"Stale version {expectedVersion}, the case is at {version}.");
        }

        var (action, to, label, order) = state == "inBehandeling"
            ? ("aanhouden", "aangehouden", "Aangehouden", 5)
            : ("hervatten", "inBehandeling", "In behandeling", 4);

        var stream = "case:" + caseId.ToString("N");
        Bind(_readHead, transaction, stream);
        long headSequence = 0;
        var headHash = AuditEvent.GenesisHash;
        using (var reader = _readHead.ExecuteReader())
        {
            if (reader.Read())
            {
                headSequence = reader.GetInt64(0);
                headHash = reader.GetString(1);
            }
        }

        Bind(_updateCase, transaction, to, label, order, at, sequence, id, version);
        if (_updateCase.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"Case {caseId} changed underneath (version {version}).");
        }

        Bind(_insertStatus, transaction, id, sequence, to, label, order, action, at, userId, organisation, (object?)reason ?? DBNull.Value);
        _insertStatus.ExecuteNonQuery();

        var audit = AuditEvent.Append(
            stream, headSequence + 1, headHash, now, userId, organisation, "zaak." + action, "zaak", caseId.ToString(), "ok",
            new { status = state, doorgezetNaar = "VRO" },
            new { status = to, doorgezetNaar = "VRO", resultaat = (string?)null, gegevens = (object?)null },
            reason);
        Bind(
            _insertAudit, transaction, audit.Stream, audit.Sequence, (long)Instant.ConvertToProvider(audit.At)!, audit.ActorUserId, audit.ActorOrganisation,
            audit.Action, audit.ObjectType, audit.ObjectId, audit.Result, (object?)audit.OldValues ?? DBNull.Value, (object?)audit.NewValues ?? DBNull.Value,
            (object?)audit.Reason ?? DBNull.Value, audit.PreviousHash, audit.Hash);
        _insertAudit.ExecuteNonQuery();

        var url = $"/api/v1/cases/{caseId}";
        Bind(
            _insertOutbox, transaction, Guid.NewGuid().ToString().ToUpperInvariant(), "zaken", url, "zaak", url, "update", at,
            JsonSerializer.Serialize(new { actie = action, van = state, naar = to }, JsonSerializerOptions.Web));
        _insertOutbox.ExecuteNonQuery();

        var commitStart = System.Diagnostics.Stopwatch.GetTimestamp();
        transaction.Commit();
        CommitTime += System.Diagnostics.Stopwatch.GetElapsedTime(commitStart);
        return version + 1;
    }

    /// <summary>The value of a PRAGMA on the baseline's connection (the profile compares them with the host's).</summary>
    public string? Pragma(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var command in new[] { _readCase, _readHead, _updateCase, _insertStatus, _insertAudit, _insertOutbox })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
