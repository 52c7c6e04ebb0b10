using Casework.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;
using MimeKit;

namespace Casework.Web.Features.Delivery;

/// <summary>One .eml file as the page shows it.</summary>
public sealed record SentMessageView(string Name, string Subject, string From, string To, DateTimeOffset Date, string MessageId, string Text, IReadOnlyList<string> Attachments);

/// <summary>
/// <c>/dev/verzonden-berichten</c> (Development only, 404 elsewhere): the e-mails the embedded default wrote as .eml files
/// to the pickup folder instead of sending them, newest first, and one of them with its text and attachments.
/// </summary>
public sealed class SentMessagesModel : CaseworkPageModel
{
    private const int MaxListed = 200;

    public IReadOnlyList<SentMessageView> Messages { get; private set; } = [];

    public SentMessageView? Message { get; private set; }

    public string Folder { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken ct)
    {
        if (!Service<IHostEnvironment>().IsDevelopment())
        {
            return NotFound();
        }

        Folder = Service<DeliveryPaths>().PickupDirectory;
        var files = Directory.Exists(Folder)
            ? new DirectoryInfo(Folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ToList()
            : [];
        if (name is not null)
        {
            // Only a file the folder lists: a name is never a path.
            var file = files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
            if (file is null)
            {
                return NotFound();
            }

            Message = await ReadAsync(file, ct);
            return Page();
        }

        var list = new List<SentMessageView>();
        foreach (var file in files.Take(MaxListed))
        {
            list.Add(await ReadAsync(file, ct));
        }

        Messages = list;
        return Page();
    }

    private static async Task<SentMessageView> ReadAsync(FileInfo file, CancellationToken ct)
    {
        using var message = await MimeMessage.LoadAsync(file.FullName, ct);
        return new SentMessageView(
            file.Name,
            message.Subject ?? "(geen onderwerp)",
            message.From.ToString(),
            message.To.ToString(),
            message.Date,
            message.MessageId ?? string.Empty,
            message.TextBody ?? string.Empty,
            [.. message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "bijlage")]);
    }
}
