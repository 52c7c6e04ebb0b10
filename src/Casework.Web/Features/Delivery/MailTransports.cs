using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Casework.Web.Features.Delivery;

/// <summary>Hands one composed e-mail to whatever carries it on. Throws when it was not accepted.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>SMTP through MailKit, with the configured host, port, TLS mode and optional authentication.</summary>
internal sealed class SmtpMailTransport(IOptions<DeliveryOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var secure = smtp.TlsMode switch
        {
            SmtpTlsMode.None => SecureSocketOptions.None,
            SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
            SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Delivery:Smtp:Host is not set."), smtp.Port, secure, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// The embedded default without an SMTP host: each e-mail becomes one .eml file in the pickup folder, named after its
/// Message-ID, so a redelivery overwrites the same file instead of adding a second ("Verzonden berichten" in Development).
/// </summary>
internal sealed class PickupDirectoryMailTransport(DeliveryPaths paths) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(paths.PickupDirectory);
        var final = Path.Combine(paths.PickupDirectory, DeliveryPaths.FileNameFor(message.MessageId ?? throw new InvalidOperationException("An e-mail without a Message-ID.")));
        var temporary = final + ".tmp";
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, final, overwrite: true);
    }
}

/// <summary>Where the embedded default keeps its files: a folder under the data directory (the SQLite file's folder, else App_Data).</summary>
public sealed class DeliveryPaths(string pickupDirectory)
{
    public string PickupDirectory { get; } = pickupDirectory;

    /// <summary>A file name for a Message-ID: its characters that are safe in a name, so the same id gives the same file.</summary>
    public static string FileNameFor(string messageId)
    {
        var safe = new string([.. messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')]);
        return safe + ".eml";
    }
}
