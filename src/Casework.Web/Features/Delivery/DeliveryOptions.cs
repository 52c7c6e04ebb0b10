using Casework.Domain.Delivery;

namespace Casework.Web.Features.Delivery;

/// <summary>Configuration section <c>Delivery</c>: the dispatcher, its channels and the reminders (README, "Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Run the polling loop in this host. Off in tests that drive <see cref="DeliveryDispatcher.RunOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the dispatcher waits between passes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claim on a delivery holds. A host that dies mid-delivery leaves its lease; after this time another
    /// host delivers it again, with the same Message-ID. Must exceed one delivery's time (the SMTP and HTTP timeouts).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many messages fanned out and this many deliveries tried per pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Failed attempts after which a delivery is dead-lettered ("Niet bezorgde berichten").</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; doubled after each next one (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The right-hand side of every Message-ID (<c>{hash}@{domain}</c>).</summary>
    public string MessageIdDomain { get; set; } = "casework.nplv.nl";

    /// <summary>
    /// The address people and systems reach Casework on (e.g. <c>https://casework.example.nl</c>): links in e-mails and
    /// the webhooks' absolute <c>hoofdObject</c> and <c>resourceUrl</c>. Empty: links stay relative.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How long a webhook receiver may take to answer.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public ReminderOptions Reminders { get; set; } = new();

    public RetryPolicy RetryPolicy => new(RetryBaseDelay, MaxRetryDelay, MaxAttempts);
}

/// <summary>How a connection to the SMTP server is secured (MailKit's <c>SecureSocketOptions</c>).</summary>
public enum SmtpTlsMode
{
    /// <summary>STARTTLS when the server offers it (MailKit's Auto: TLS on connect for port 465).</summary>
    Auto,

    /// <summary>No TLS at all (a relay on localhost or in a test).</summary>
    None,

    /// <summary>STARTTLS, required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Section <c>Delivery:Smtp</c>. Without a <see cref="Host"/> e-mails are written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.Auto;

    /// <summary>Sign in with this user (and <see cref="Password"/>); empty: no authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, optionally with a name: <c>Casework NPLV &lt;noreply@casework.nplv.nl&gt;</c>.</summary>
    public string Sender { get; set; } = "Casework NPLV <noreply@casework.nplv.nl>";

    /// <summary>Where .eml files go without an SMTP host; relative to the data directory (the SQLite file's folder). Default <c>verzonden-berichten</c>.</summary>
    public string PickupDirectory { get; set; } = "verzonden-berichten";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Section <c>Delivery:Reminders</c>: when reminders go out; each one once.</summary>
public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The gemeente is reminded this many working days (Algemene termijnenwet calendar) before its hersteltermijn ends.</summary>
    public int HersteltermijnWorkingDaysBefore { get; set; } = 3;

    /// <summary>The routed organisation is reminded when a beslistermijn ends within this many days.</summary>
    public int BeslistermijnDaysBefore { get; set; } = 5;

    /// <summary>The secretariat is reminded this many days before an agenda's cut-off date.</summary>
    public int AgendaCutOffDaysBefore { get; set; } = 2;
}
