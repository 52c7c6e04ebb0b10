using System.Globalization;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Casework.Web.Features.Delivery;

/// <summary>What an e-mail is about, gathered by the dispatcher from the outbox message, its case and its letter.</summary>
/// <param name="Sjabloon">The notification's template (<c>herstelverzoek</c>, <c>besluit</c>, <c>herinnering-hersteltermijn</c>, ...) or its actie.</param>
/// <param name="CaseId">The case, if the message is about one.</param>
/// <param name="CaseReference">Its kenmerk (zaaknummer).</param>
/// <param name="CaseTitle">Its title.</param>
/// <param name="TermEnd">The end of the term the message is about (the hersteltermijn of a herstelverzoek, a reminder's term).</param>
/// <param name="TermName">The term's Dutch name, where the message names one.</param>
/// <param name="MeetingTitle">For an agenda reminder: the meeting.</param>
/// <param name="Letter">The letter to attach: file name and PDF bytes.</param>
/// <param name="Proposal">For a proposal awaiting confirmation (vier-ogenprincipe): what is proposed, by whom, for how much.</param>
public sealed record MailFacts(
    string Sjabloon,
    Guid? CaseId,
    string? CaseReference,
    string? CaseTitle,
    DateOnly? TermEnd,
    string? TermName,
    string? MeetingTitle,
    (string FileName, byte[] Content)? Letter,
    ProposalFacts? Proposal = null);

/// <summary>A proposed besluit as its notification names it: the action's Dutch label, the proposer's name, the amount if any.</summary>
public sealed record ProposalFacts(string Besluit, string ProposedBy, string? Amount);

/// <summary>
/// Composes the Dutch e-mail of a notification: a subject and a plain text that say what happened and what to do
/// (for a herstelverzoek the date the hersteltermijn ends), the letter attached where there is one, and the stable
/// Message-ID of the delivery.
/// </summary>
internal static class EmailComposer
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    public static MimeMessage Compose(MailFacts facts, string to, string toName, string messageId, DateTimeOffset date, DeliveryOptions options)
    {
        var (subject, lines) = Text(facts);
        var message = new MimeMessage { MessageId = messageId, Date = date, Subject = subject };
        message.From.Add(MailboxAddress.Parse(options.Smtp.Sender));
        message.To.Add(new MailboxAddress(toName, to));

        var body = new StringBuilder();
        body.Append("Geachte heer/mevrouw,\n\n");
        foreach (var line in lines)
        {
            body.Append(line).Append("\n\n");
        }

        if (facts.CaseId is { } caseId)
        {
            body.Append("U vindt de zaak in Casework: ").Append(Link(options, $"/zaken/{caseId}")).Append("\n\n");
        }

        body.Append("Met vriendelijke groet,\n\nCasework, Nationaal Programma Leefbaarheid en Veiligheid\n\n");
        body.Append("Dit bericht is automatisch verstuurd. U kunt er niet op antwoorden.\n");

        var builder = new BodyBuilder { TextBody = body.ToString() };
        if (facts.Letter is { } letter)
        {
            builder.Attachments.Add(letter.FileName, letter.Content, new ContentType("application", "pdf"));
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    public static string Link(DeliveryOptions options, string path) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? path : options.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>The subject and the paragraphs for a template; an unknown one gets a general sentence about the case.</summary>
    internal static (string Subject, IReadOnlyList<string> Lines) Text(MailFacts f)
    {
        var kenmerk = f.CaseReference ?? "onbekend";
        var titel = string.IsNullOrWhiteSpace(f.CaseTitle) ? string.Empty : $" ‘{f.CaseTitle}’";
        var end = f.TermEnd is { } e ? Date(e) : null;
        return f.Sjabloon switch
        {
            "ontvangstbevestiging" => (
                $"Ontvangstbevestiging van uw aanvraag {kenmerk}",
                [$"Wij hebben uw aanvraag{titel} ontvangen. Het kenmerk is {kenmerk}.",
                 "In de bijlage vindt u de ontvangstbevestiging, met de datum waarop u uiterlijk een besluit kunt verwachten (Awb artikel 4:3a)."]),
            "herstelverzoek" => (
                $"Verzoek om uw aanvraag {kenmerk} aan te vullen",
                [$"Uw aanvraag{titel} ({kenmerk}) is nog niet volledig. In de bijlage leest u wat er ontbreekt.",
                 end is null
                     ? "U kunt de aanvraag aanvullen binnen de termijn die in de brief staat."
                     : $"U kunt de aanvraag aanvullen tot en met {end}.",
                 "Vult u de aanvraag niet op tijd aan, dan kan zij buiten behandeling worden gesteld (Awb artikel 4:5)."]),
            "besluit" => (
                $"Besluit over uw aanvraag {kenmerk}",
                [$"Er is een besluit genomen over uw aanvraag{titel} ({kenmerk}). U vindt het besluit in de bijlage.",
                 "In het besluit staat ook hoe u bezwaar kunt maken."]),
            "beslissing-op-bezwaar" => (
                $"Beslissing op uw bezwaar, zaak {kenmerk}",
                [$"Wij hebben beslist op uw bezwaar in zaak {kenmerk}{titel}. U vindt de beslissing op bezwaar in de bijlage.",
                 "Tegen deze beslissing kunt u geen bezwaar meer maken. In de beslissing staat hoe en tot wanneer u beroep kunt instellen bij de rechtbank (Awb artikel 8:1)."]),
            "voorstel" => (
                $"Voorgesteld besluit wacht op bevestiging: zaak {kenmerk}",
                [$"{f.Proposal?.ProposedBy ?? "Een collega"} heeft in zaak {kenmerk}{titel} een besluit voorgesteld: {f.Proposal?.Besluit ?? "een besluit"}{(f.Proposal?.Amount is { } amount ? $", voor {amount}" : string.Empty)}.",
                 $"Het besluit gaat pas in als een collega het bevestigt. Dat moet iemand anders zijn dan {f.Proposal?.ProposedBy ?? "de voorsteller"} (vier-ogenprincipe). Bevestig het voorstel of wijs het af met een reden op de pagina van de zaak.",
                 "De aanvrager ziet het voorstel niet; die ontvangt het besluit pas na de bevestiging."]),
            "herinnering-hersteltermijn" => (
                $"Herinnering: vul uw aanvraag {kenmerk} uiterlijk {end} aan",
                [$"De termijn om uw aanvraag{titel} ({kenmerk}) aan te vullen eindigt op {end}.",
                 "Vult u de aanvraag niet op tijd aan, dan kan zij buiten behandeling worden gesteld (Awb artikel 4:5)."]),
            "herinnering-beslistermijn" => (
                $"Herinnering: de beslistermijn van zaak {kenmerk} eindigt op {end}",
                [$"De beslistermijn van zaak {kenmerk}{titel} eindigt op {end}. De zaak ligt bij uw organisatie.",
                 "Neemt u op tijd een besluit, of verdaag de beslistermijn en laat de aanvrager dat weten (Awb artikel 4:14)."]),
            "herinnering-agenda" => (
                $"Herinnering: de agenda van {f.MeetingTitle} sluit op {end}",
                [$"De agenda van {f.MeetingTitle} sluit op {end}. Zaken die daarna worden geagendeerd, hebben een reden nodig."]),
            "termijn-waarschuwing" => (
                $"Termijn van zaak {kenmerk} eindigt op {end}",
                [$"De {f.TermName ?? "termijn"} van zaak {kenmerk}{titel} eindigt op {end}."]),
            "verdaging-beslistermijn" => (
                $"De beslistermijn van uw aanvraag {kenmerk} is verdaagd",
                [$"De beslistermijn van uw aanvraag{titel} ({kenmerk}) is verdaagd. U kunt het besluit uiterlijk op {end} tegemoetzien (Awb artikel 4:14)."]),
            _ => (
                $"Nieuw bericht over zaak {kenmerk}",
                [$"Er is een nieuwe stap gezet in zaak {kenmerk}{titel}.",
                 f.Letter is null ? "Bekijk de zaak in Casework voor de details." : "U vindt de brief in de bijlage."]),
        };
    }

    /// <summary>A date in the notification's kenmerken (<c>yyyy-MM-dd</c>), if the key holds one.</summary>
    public static DateOnly? DateIn(JsonElement kenmerken, string key) =>
        kenmerken.ValueKind == JsonValueKind.Object && kenmerken.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string? StringIn(JsonElement kenmerken, string key) =>
        kenmerken.ValueKind == JsonValueKind.Object && kenmerken.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
