using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Infrastructure.Idempotency;

/// <summary>
/// The first response to a POST with an <c>Idempotency-Key</c>, per caller: a repeat with the same key and the
/// same body gets this response again; the same key with another body is refused (422).
/// </summary>
internal sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Key = string.Empty;
        Caller = string.Empty;
        Endpoint = string.Empty;
        RequestHash = string.Empty;
        ResponseBody = string.Empty;
    }

    public IdempotencyRecord(string key, string caller, string endpoint, string requestHash, int responseStatus, string responseBody, string? location, DateTimeOffset createdAt)
    {
        Key = key;
        Caller = caller;
        Endpoint = endpoint;
        RequestHash = requestHash;
        ResponseStatus = responseStatus;
        ResponseBody = responseBody;
        Location = location;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string Key { get; private set; }

    /// <summary>User id and organisation: one caller's key never collides with another's.</summary>
    public string Caller { get; private set; }

    public string Endpoint { get; private set; }

    /// <summary>SHA-256 (hex) of the request as bound (route values and body).</summary>
    public string RequestHash { get; private set; }

    public int ResponseStatus { get; private set; }

    public string ResponseBody { get; private set; }

    public string? Location { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Key).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Caller).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Endpoint).HasMaxLength(300).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ResponseBody).IsRequired();
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.HasIndex(r => new { r.Caller, r.Endpoint, r.Key }).IsUnique();
    }
}
