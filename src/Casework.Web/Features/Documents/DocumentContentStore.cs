using System.Data;
using System.Data.Common;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casework.Web.Features.Documents;

/// <summary>
/// Where document content lives (ADR-013): content-addressed by SHA-256 and immutable. Writes join the caller's write
/// transaction, so a document's metadata and its content commit together or not at all.
/// </summary>
public interface IDocumentContentStore
{
    /// <summary>Stores the content under its SHA-256 unless it is there already; inside the current write transaction.</summary>
    Task PutAsync(CaseworkDbContext db, string sha256, long size, Func<Stream> open, CancellationToken ct);

    /// <summary>Copies the stored content to <paramref name="destination"/>; false when there is none under that hash.</summary>
    Task<bool> CopyToAsync(CaseworkDbContext db, string sha256, Stream destination, CancellationToken ct);

    /// <summary>Removes the content when no document version refers to it any more; inside the current write transaction.</summary>
    Task DeleteIfUnusedAsync(CaseworkDbContext db, string sha256, CancellationToken ct);
}

/// <summary>Stored content: its hash, size and how many chunks it has.</summary>
public sealed record DocumentContent(string Sha256, long Size, int ChunkCount);

/// <summary>One piece of stored content (<see cref="DatabaseContentStore.ChunkSize"/> bytes, the last one shorter).</summary>
public sealed record DocumentContentChunk(string Sha256, int Sequence, byte[] Data);

/// <summary>
/// Content in the database, in chunks of 1 MiB (SQLite BLOB, PostgreSQL bytea, SQL Server varbinary(max)), written and
/// read with plain ADO.NET commands on the context's connection and transaction: one chunk in memory at a time, the
/// same code on every provider, and every host that reaches the database reads every upload.
/// </summary>
internal sealed class DatabaseContentStore : IDocumentContentStore
{
    public const int ChunkSize = 1024 * 1024;

    public async Task PutAsync(CaseworkDbContext db, string sha256, long size, Func<Stream> open, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Document content is stored inside a write transaction only.");
        if (await db.Set<DocumentContent>().AsNoTracking().AnyAsync(c => c.Sha256 == sha256, ct))
        {
            return;
        }

        var connection = transaction.Connection!;
        var chunks = (int)((size + ChunkSize - 1) / ChunkSize);
        await using (var insert = Command(connection, transaction, "INSERT INTO \"DocumentContents\" (\"Sha256\", \"Size\", \"ChunkCount\") VALUES (@sha, @size, @chunks)"))
        {
            Add(insert, "@sha", sha256);
            Add(insert, "@size", size);
            Add(insert, "@chunks", chunks);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using var content = open();
        await using var chunk = Command(connection, transaction, "INSERT INTO \"DocumentContentChunks\" (\"Sha256\", \"Sequence\", \"Data\") VALUES (@sha, @sequence, @data)");
        Add(chunk, "@sha", sha256);
        var sequence = Add(chunk, "@sequence", 0);
        var data = Add(chunk, "@data", Array.Empty<byte>());
        data.DbType = DbType.Binary;
        var buffer = new byte[ChunkSize];
        long written = 0;
        for (var i = 0; i < chunks; i++)
        {
            var read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
            sequence.Value = i;
            data.Value = read == ChunkSize ? buffer : buffer[..read];
            data.Size = read;
            await chunk.ExecuteNonQueryAsync(ct);
            written += read;
        }

        if (written != size)
        {
            throw new InvalidOperationException($"The staged content of {sha256} is {written} bytes, not the {size} it was staged with.");
        }
    }

    public async Task<bool> CopyToAsync(CaseworkDbContext db, string sha256, Stream destination, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var select = Command(connection, db.Database.CurrentTransaction?.GetDbTransaction(), "SELECT \"Data\" FROM \"DocumentContentChunks\" WHERE \"Sha256\" = @sha ORDER BY \"Sequence\"");
            Add(select, "@sha", sha256);
            await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var any = false;
            while (await reader.ReadAsync(ct))
            {
                any = true;
                // A stream over the column, not a byte[] per chunk: with SequentialAccess the providers read it from the
                // wire (or the SQLite page) as it is copied, so a download holds only the copy buffer.
                await using var chunk = reader.GetStream(0);
                await chunk.CopyToAsync(destination, 81920, ct);
            }

            return any;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    public async Task DeleteIfUnusedAsync(CaseworkDbContext db, string sha256, CancellationToken ct)
    {
        if (await db.Set<Casework.Domain.Documents.DocumentVersion>().AnyAsync(v => v.Sha256 == sha256, ct))
        {
            return;
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"DocumentContentChunks\" WHERE \"Sha256\" = {sha256}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"DocumentContents\" WHERE \"Sha256\" = {sha256}", ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
