namespace Casework.Web.Features.Deadlines;

/// <summary>Configuration section <c>Deadlines</c>: the deadline worker.</summary>
public sealed class DeadlineWorkerOptions
{
    public const string Section = "Deadlines";

    /// <summary>Run the polling loop in this host. Off in tests that drive <see cref="DeadlineWorker.RunOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the worker sleeps between passes; a due deadline is handled at most this late.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim holds. A host that claimed a deadline and died leaves the claim behind; after this
    /// time another host may take it. Must exceed the time one deadline takes to handle.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many expiries and this many warnings per pass; the rest follow in the next pass.</summary>
    public int BatchSize { get; set; } = 100;
}
