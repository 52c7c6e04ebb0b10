using System.Security.Cryptography;
using Casework.Domain.Access;
using Casework.Domain.Delivery;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Pipeline;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Delivery;

/// <summary>An organisation's functional mailbox (reference data kept by a Beheerder).</summary>
/// <param name="Code">The organisation's code (CBS code of a gemeente, VRO, RVO, SBSD, ...).</param>
/// <param name="Name">Its name as people read it ("gemeente Rotterdam").</param>
/// <param name="FunctionalMailbox">Where Casework e-mails what happens in its cases; null: no e-mail.</param>
public sealed record OrganisationMailboxDto(string Code, string Name, string? FunctionalMailbox);

/// <param name="Address">The functional mailbox (one e-mail address); empty or null removes it.</param>
public sealed record SetMailboxRequest(string? Address);

/// <summary>The signed-in user's own e-mail subscription ("mijn meldingen").</summary>
/// <param name="Email">Where the user receives the notifications of their organisation's cases.</param>
/// <param name="Organisation">The organisation whose notifications they receive.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record NotificationSubscriptionDto(string Email, string Organisation, DateTimeOffset UpdatedAt);

/// <param name="Email">The e-mail address to receive notifications on.</param>
public sealed record SetSubscriptionRequest(string? Email);

/// <summary>A webhook subscription; its secret is shown only once, in the answer to its creation.</summary>
/// <param name="Id">Stable id; also the recipient of its deliveries.</param>
/// <param name="CallbackUrl">Where notifications are POSTed.</param>
/// <param name="Kanaal">Only this kanaal (e.g. <c>zaken</c>), or every kanaal when null.</param>
/// <param name="Description">Who receives them.</param>
/// <param name="Active">False once removed.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record WebhookSubscriptionDto(Guid Id, string CallbackUrl, string? Kanaal, string Description, bool Active, DateTimeOffset CreatedAt);

/// <summary>A new webhook subscription with its signing secret (HMAC-SHA256 of the body, header <c>X-Casework-Signature: sha256=&lt;hex&gt;</c>). Store the secret now: it is not shown again.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Secret">The signing secret.</param>
public sealed record CreatedWebhookDto(WebhookSubscriptionDto Subscription, string Secret);

/// <param name="CallbackUrl">An absolute https URL (http only for localhost).</param>
/// <param name="Kanaal">Optional: only notifications of this kanaal.</param>
/// <param name="Description">Who the receiver is, e.g. "zaaksysteem gemeente Rotterdam".</param>
public sealed record CreateWebhookRequest(string? CallbackUrl, string? Kanaal, string? Description);

/// <summary>One outbox message to one recipient, with where it stands.</summary>
/// <param name="Id">The delivery's id.</param>
/// <param name="OutboxMessageId">The notification delivered.</param>
/// <param name="CaseId">The case it is about, if any.</param>
/// <param name="Channel"><c>Email</c> or <c>Webhook</c>.</param>
/// <param name="Recipient">Who receives it, by name.</param>
/// <param name="Status"><c>Pending</c>, <c>Delivered</c> or <c>DeadLettered</c>.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="NextAttemptAt">When it is tried next (while pending).</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="DeliveredAt">When the recipient accepted it.</param>
/// <param name="MessageId">The stable id the receiver sees (e-mail Message-ID, webhook delivery header).</param>
/// <param name="Subject">What the message is about (the case's kenmerk and the notification).</param>
public sealed record DeliveryDto(Guid Id, Guid OutboxMessageId, Guid? CaseId, DeliveryChannel Channel, string Recipient, DeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? DeliveredAt, string MessageId, string Subject);

public sealed record ListMailboxesQuery : IQuery<IReadOnlyList<OrganisationMailboxDto>>;

public sealed record SetMailboxCommand(string Code, SetMailboxRequest? Request) : ICommand<OrganisationMailboxDto>;

public sealed record GetMySubscriptionQuery : IQuery<NotificationSubscriptionDto?>;

public sealed record SetMySubscriptionCommand(SetSubscriptionRequest? Request) : ICommand<NotificationSubscriptionDto>, IAuditorMayWrite;

public sealed record RemoveMySubscriptionCommand : ICommand<bool>, IAuditorMayWrite;

public sealed record ListWebhooksQuery : IQuery<IReadOnlyList<WebhookSubscriptionDto>>;

public sealed record CreateWebhookCommand(CreateWebhookRequest? Request) : ICommand<CreatedWebhookDto>;

public sealed record RemoveWebhookCommand(Guid Id) : ICommand<WebhookSubscriptionDto>;

public sealed record ListDeadLettersQuery : IQuery<IReadOnlyList<DeliveryDto>>;

public sealed record RetryDeliveryCommand(Guid Id) : ICommand<DeliveryDto>;

public sealed record GetCaseDeliveriesQuery(Guid CaseId) : IQuery<IReadOnlyList<DeliveryDto>>;

internal sealed class SetMailboxValidator : AbstractValidator<SetMailboxCommand>
{
    public SetMailboxValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de functionele mailbox als JSON: {\"address\": \"...\"}.");
        RuleFor(c => c.Request!.Address).Must(a => string.IsNullOrWhiteSpace(a) || EmailAddresses.IsValid(a)).When(c => c.Request is not null)
            .OverridePropertyName("address")
            .WithMessage("Geef één e-mailadres, zoals subsidies@rotterdam.nl (ten hoogste 254 tekens), of laat het leeg om de mailbox te verwijderen.");
    }
}

internal sealed class SetMySubscriptionValidator : AbstractValidator<SetMySubscriptionCommand>
{
    public SetMySubscriptionValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur uw e-mailadres als JSON: {\"email\": \"...\"}.");
        RuleFor(c => c.Request!.Email).Must(EmailAddresses.IsValid).When(c => c.Request is not null)
            .OverridePropertyName("email")
            .WithMessage("Geef één e-mailadres, zoals naam@rotterdam.nl (ten hoogste 254 tekens).");
    }
}

internal sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het abonnement als JSON: callbackUrl, description en eventueel kanaal.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.CallbackUrl).Must(IsCallback).OverridePropertyName("callbackUrl")
                .WithMessage("Geef een volledige https-URL (ten hoogste 1000 tekens); http alleen voor localhost.");
            RuleFor(c => c.Request!.Description).NotEmpty().MaximumLength(200).OverridePropertyName("description")
                .WithMessage("Beschrijf de ontvanger (ten hoogste 200 tekens), bijvoorbeeld 'zaaksysteem gemeente Rotterdam'.");
            RuleFor(c => c.Request!.Kanaal).MaximumLength(64).Matches("^[a-z][a-z0-9-]*$").When(c => !string.IsNullOrEmpty(c.Request!.Kanaal))
                .OverridePropertyName("kanaal").WithMessage("Een kanaal is een woord in kleine letters, zoals 'zaken'.");
        });
    }

    public static bool IsCallback(string? url) =>
        url is { Length: <= 1000 } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.UserInfo);
}

internal sealed class DeliveryAdministrationHandlers(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time) :
    IQueryHandler<ListMailboxesQuery, IReadOnlyList<OrganisationMailboxDto>>,
    ICommandHandler<SetMailboxCommand, OrganisationMailboxDto>,
    IQueryHandler<GetMySubscriptionQuery, NotificationSubscriptionDto?>,
    ICommandHandler<SetMySubscriptionCommand, NotificationSubscriptionDto>,
    ICommandHandler<RemoveMySubscriptionCommand, bool>,
    IQueryHandler<ListWebhooksQuery, IReadOnlyList<WebhookSubscriptionDto>>,
    ICommandHandler<CreateWebhookCommand, CreatedWebhookDto>,
    ICommandHandler<RemoveWebhookCommand, WebhookSubscriptionDto>,
    IQueryHandler<ListDeadLettersQuery, IReadOnlyList<DeliveryDto>>,
    ICommandHandler<RetryDeliveryCommand, DeliveryDto>,
    IQueryHandler<GetCaseDeliveriesQuery, IReadOnlyList<DeliveryDto>>
{
    public const string MailboxStream = "reference:functionele-mailboxen";
    public const string WebhookStream = "delivery:webhooks";
    public const string DeliveryStream = "delivery:berichten";

    public async ValueTask<IReadOnlyList<OrganisationMailboxDto>> Handle(ListMailboxesQuery query, CancellationToken cancellationToken)
    {
        EnsureBeheerder("De functionele mailboxen van de organisaties beheert de functioneel beheerder.");
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Code, o.Name, o.FunctionalMailbox }).ToListAsync(cancellationToken);
        return [.. organisations.Select(o => new OrganisationMailboxDto(o.Code, Labels.Organisation(o.Code, o.Name), o.FunctionalMailbox)).OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }

    public async ValueTask<OrganisationMailboxDto> Handle(SetMailboxCommand command, CancellationToken cancellationToken)
    {
        EnsureBeheerder("De functionele mailboxen van de organisaties beheert de functioneel beheerder.");
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Code == command.Code, cancellationToken)
            ?? throw ApiProblemException.NotFound("De organisatie");
        var before = organisation.FunctionalMailbox;
        organisation.SetFunctionalMailbox(command.Request!.Address);
        await audit.AppendAsync(MailboxStream, current.Actor, "organisatie.mailbox", "organisatie", organisation.Code, "ok",
            new { functioneleMailbox = before }, new { functioneleMailbox = organisation.FunctionalMailbox }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new OrganisationMailboxDto(organisation.Code, Labels.Organisation(organisation.Code, organisation.Name), organisation.FunctionalMailbox);
    }

    public async ValueTask<NotificationSubscriptionDto?> Handle(GetMySubscriptionQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var subscription = await db.Set<NotificationSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == actor.UserId, cancellationToken);
        return subscription is null ? null : ToDto(subscription);
    }

    public async ValueTask<NotificationSubscriptionDto> Handle(SetMySubscriptionCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var now = time.GetUtcNow();
        var subscription = await db.Set<NotificationSubscription>().FirstOrDefaultAsync(s => s.UserId == actor.UserId, cancellationToken);
        if (subscription is null)
        {
            subscription = NotificationSubscription.Create(actor.UserId, actor.Organisation, current.DisplayName, command.Request!.Email!, now);
            db.Add(subscription);
        }
        else
        {
            subscription.Change(current.DisplayName, command.Request!.Email!, actor.Organisation, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ToDto(subscription);
    }

    public async ValueTask<bool> Handle(RemoveMySubscriptionCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var removed = await db.Set<NotificationSubscription>().Where(s => s.UserId == actor.UserId).ExecuteDeleteAsync(cancellationToken);
        return removed > 0;
    }

    public async ValueTask<IReadOnlyList<WebhookSubscriptionDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        EnsureBeheerder("Webhookabonnementen beheert de functioneel beheerder.");
        var list = await db.Set<WebhookSubscription>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. list.OrderBy(w => w.CreatedAt).Select(ToDto)];
    }

    public async ValueTask<CreatedWebhookDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        EnsureBeheerder("Webhookabonnementen beheert de functioneel beheerder.");
        var request = command.Request!;

        // 32 random bytes: the server makes the secret, so it is never weak; it is shown once and stored to sign with (ADR-015).
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var subscription = WebhookSubscription.Create(Guid.NewGuid(), new Uri(request.CallbackUrl!), request.Kanaal, request.Description!, secret, current.Actor.UserId, time.GetUtcNow());
        db.Add(subscription);
        await audit.AppendAsync(WebhookStream, current.Actor, "webhook.aangemaakt", "webhookabonnement", subscription.Id.ToString(), "ok", null,
            new { callbackUrl = subscription.CallbackUrl, kanaal = subscription.Kanaal, omschrijving = subscription.Description }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWebhookDto(ToDto(subscription), secret);
    }

    public async ValueTask<WebhookSubscriptionDto> Handle(RemoveWebhookCommand command, CancellationToken cancellationToken)
    {
        EnsureBeheerder("Webhookabonnementen beheert de functioneel beheerder.");
        var subscription = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(w => w.Id == command.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("Het webhookabonnement");
        subscription.Deactivate();
        await audit.AppendAsync(WebhookStream, current.Actor, "webhook.beeindigd", "webhookabonnement", subscription.Id.ToString(), "ok",
            new { actief = true }, new { actief = false }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(subscription);
    }

    public async ValueTask<IReadOnlyList<DeliveryDto>> Handle(ListDeadLettersQuery query, CancellationToken cancellationToken)
    {
        EnsureBeheerder("Niet bezorgde berichten ziet de functioneel beheerder.");
        return await ListAsync(DeliveryAdministrationSelections.DeadLetters(db), cancellationToken);
    }

    public async ValueTask<DeliveryDto> Handle(RetryDeliveryCommand command, CancellationToken cancellationToken)
    {
        EnsureBeheerder("Niet bezorgde berichten probeert de functioneel beheerder opnieuw.");
        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("Het bericht");
        var now = time.GetUtcNow();
        var rows = await db.Deliveries.Where(d => d.Id == command.Id && d.Status == DeliveryStatus.DeadLettered)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        if (rows != 1)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, delivery.Status == DeliveryStatus.Delivered
                ? "Dit bericht is al bezorgd."
                : "Dit bericht wordt nog bezorgd; opnieuw proberen kan pas als het niet bezorgd is.");
        }

        await audit.AppendAsync(delivery.CaseId is { } caseId ? AuditTrail.CaseStream(caseId) : DeliveryStream, current.Actor, "bericht.opnieuw", "bezorging", delivery.Id.ToString(), "ok",
            new { status = delivery.Status.ToString(), pogingen = delivery.Attempts, laatsteFout = delivery.LastError }, new { status = DeliveryStatus.Pending.ToString() }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(db.Deliveries.Where(d => d.Id == command.Id), cancellationToken))[0];
    }

    public async ValueTask<IReadOnlyList<DeliveryDto>> Handle(GetCaseDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AsNoTracking().VisibleTo(current.Actor).AnyAsync(c => c.Id == query.CaseId, cancellationToken))
        {
            throw ApiProblemException.NotFound("De zaak");
        }

        // Who else was told is not everyone's business: outside the Beheerder and the Auditor, an organisation sees the
        // e-mails to itself (its mailbox, its own subscribers), not other organisations' nor the webhooks.
        var actor = current.Actor;
        return await ListAsync(db.Deliveries.Where(d => d.CaseId == query.CaseId), cancellationToken, CaseAccess.SeesEverything(actor) ? null : actor.Organisation);
    }

    private async Task<IReadOnlyList<DeliveryDto>> ListAsync(IQueryable<OutboxDelivery> deliveries, CancellationToken ct, string? onlyTo = null)
    {
        var rows = await deliveries.AsNoTracking()
            .Join(db.Outbox, d => d.OutboxMessageId, m => m.Id, (d, m) => new { d, m.Kenmerken, m.Actie })
            .ToListAsync(ct);
        if (onlyTo is not null)
        {
            rows = [.. rows.Where(r => r.d.Channel == DeliveryChannel.Email && DeliveryLabels.Recipient(r.Kenmerken) == onlyTo)];
        }

        var caseIds = rows.Where(r => r.d.CaseId is not null).Select(r => r.d.CaseId!.Value).Distinct().ToList();
        var references = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        return [.. rows.OrderByDescending(r => r.d.CreatedAt).ThenBy(r => r.d.RecipientLabel, StringComparer.CurrentCulture).Select(r => new DeliveryDto(
            r.d.Id, r.d.OutboxMessageId, r.d.CaseId, r.d.Channel, r.d.RecipientLabel, r.d.Status, r.d.Attempts, r.d.NextAttemptAt, r.d.LastError, r.d.DeliveredAt, r.d.MessageIdentifier,
            DeliveryLabels.Subject(r.Kenmerken, r.Actie, r.d.CaseId is { } c ? references.GetValueOrDefault(c) : null)))];
    }

    private void EnsureBeheerder(string why)
    {
        if (!current.Actor.Roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, why);
        }
    }

    private static NotificationSubscriptionDto ToDto(NotificationSubscription s) => new(s.Email, s.Organisation, s.UpdatedAt);

    private static WebhookSubscriptionDto ToDto(WebhookSubscription w) => new(w.Id, w.CallbackUrl, w.Kanaal, w.Description, w.Active, w.CreatedAt);
}

/// <summary>What a delivered message is about, in Dutch, for the lists and the case page.</summary>
internal static class DeliveryLabels
{
    /// <summary>The organisation a notification is addressed to (its <c>ontvanger</c>), if any.</summary>
    public static string? Recipient(string kenmerkenJson)
    {
        using var json = System.Text.Json.JsonDocument.Parse(string.IsNullOrWhiteSpace(kenmerkenJson) ? "{}" : kenmerkenJson);
        return EmailComposer.StringIn(json.RootElement, "ontvanger");
    }

    public static string Subject(string kenmerkenJson, string actie, string? caseReference)
    {
        using var json = System.Text.Json.JsonDocument.Parse(string.IsNullOrWhiteSpace(kenmerkenJson) ? "{}" : kenmerkenJson);
        var sjabloon = EmailComposer.StringIn(json.RootElement, "sjabloon") ?? actie;
        var what = sjabloon switch
        {
            "ontvangstbevestiging" => "Ontvangstbevestiging",
            "herstelverzoek" => "Verzoek om aanvulling",
            "besluit" => "Besluit",
            "beslissing-op-bezwaar" => "Beslissing op bezwaar",
            "voorstel" => "Voorgesteld besluit",
            "herinnering-hersteltermijn" => "Herinnering hersteltermijn",
            "herinnering-beslistermijn" => "Herinnering beslistermijn",
            "herinnering-agenda" => "Herinnering sluiting agenda",
            "termijn-waarschuwing" => "Termijn loopt af",
            "termijn-verlopen" => "Termijn verlopen",
            "verdaging-beslistermijn" => "Beslistermijn verdaagd",
            "create" => "Nieuwe zaak",
            "update" => "Nieuwe status",
            _ => "Bericht",
        };
        return caseReference is null ? what : $"{what}, zaak {caseReference}";
    }

    public static string Channel(DeliveryChannel channel) => channel == DeliveryChannel.Email ? "E-mail" : "Webhook";

    /// <summary>"E-mail aan gemeente Rotterdam bezorgd op 4 december 2026 10:02", or where it stands instead.</summary>
    public static string TimelineLine(DeliveryDto d)
    {
        var to = d.Channel == DeliveryChannel.Email ? $"E-mail aan {d.Recipient}" : $"Webhook naar {d.Recipient}";
        var about = d.Subject.Split(',')[0].ToLower(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        return d.Status switch
        {
            DeliveryStatus.Delivered => $"{to} ({about}) bezorgd op {NlFormat.Instant(d.DeliveredAt!.Value)}",
            DeliveryStatus.DeadLettered => $"{to} ({about}) niet bezorgd na {d.Attempts} pogingen",
            _ when d.Attempts == 0 => $"{to} ({about}) wordt verzonden",
            _ => $"{to} ({about}) nog niet bezorgd, nieuwe poging op {NlFormat.Instant(d.NextAttemptAt)}",
        };
    }
}

internal static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Bezorging").RequireAuthorization();
        organisations.MapGet("/mailboxes", (IMediator m, CancellationToken ct) => m.Send(new ListMailboxesQuery(), ct))
            .WithName("listFunctioneleMailboxen")
            .WithSummary("De functionele mailbox van elke organisatie (Beheerder)")
            .Produces<IReadOnlyList<OrganisationMailboxDto>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        organisations.MapPut("/{code}/mailbox", (string code, SetMailboxRequest? body, IMediator m, CancellationToken ct) => m.Send(new SetMailboxCommand(code, body), ct))
            .WithName("setFunctioneleMailbox")
            .WithSummary("De functionele mailbox van een organisatie vastleggen of verwijderen (Beheerder)")
            .Produces<OrganisationMailboxDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var subscription = api.MapGroup("/notification-subscription").WithTags("Bezorging").RequireAuthorization();
        subscription.MapGet("/", async (IMediator m, CancellationToken ct) =>
                await m.Send(new GetMySubscriptionQuery(), ct) is { } dto ? Results.Ok(dto) : throw ApiProblemException.NotFound("Uw abonnement op meldingen"))
            .WithName("getMijnMeldingen")
            .WithSummary("Uw eigen abonnement op meldingen per e-mail")
            .Produces<NotificationSubscriptionDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        subscription.MapPut("/", (SetSubscriptionRequest? body, IMediator m, CancellationToken ct) => m.Send(new SetMySubscriptionCommand(body), ct))
            .WithName("setMijnMeldingen")
            .WithSummary("Meldingen over de zaken van uw organisatie ontvangen op dit e-mailadres")
            .Produces<NotificationSubscriptionDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        subscription.MapDelete("/", async (IMediator m, CancellationToken ct) =>
                await m.Send(new RemoveMySubscriptionCommand(), ct) ? Results.NoContent() : throw ApiProblemException.NotFound("Uw abonnement op meldingen"))
            .WithName("removeMijnMeldingen")
            .WithSummary("Geen meldingen meer per e-mail")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var webhooks = api.MapGroup("/webhooks").WithTags("Bezorging").RequireAuthorization();
        webhooks.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListWebhooksQuery(), ct))
            .WithName("listWebhooks")
            .WithSummary("De webhookabonnementen (Beheerder); de geheimen staan er niet in")
            .Produces<IReadOnlyList<WebhookSubscriptionDto>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapPost("/", async (CreateWebhookRequest? body, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreateWebhookCommand(body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/webhooks/{created.Subscription.Id}", created);
            })
            .WithName("createWebhook")
            .WithSummary("Een webhookabonnement aanmaken (Beheerder); het antwoord bevat eenmalig het geheim waarmee elke melding is ondertekend")
            .Produces<CreatedWebhookDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => { await m.Send(new RemoveWebhookCommand(id), ct); return Results.NoContent(); })
            .WithName("removeWebhook")
            .WithSummary("Een webhookabonnement beëindigen (Beheerder)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var deliveries = api.MapGroup("/deliveries").WithTags("Bezorging").RequireAuthorization();
        deliveries.MapGet("/dead-letters", (IMediator m, CancellationToken ct) => m.Send(new ListDeadLettersQuery(), ct))
            .WithName("listNietBezorgd")
            .WithSummary("Niet bezorgde berichten: alle pogingen mislukt, met de laatste fout (Beheerder)")
            .Produces<IReadOnlyList<DeliveryDto>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        deliveries.MapPost("/{id:guid}/retry", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RetryDeliveryCommand(id), ct))
            .WithName("retryBezorging")
            .WithSummary("Een niet bezorgd bericht opnieuw proberen (Beheerder)")
            .Produces<DeliveryDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/cases/{id:guid}/deliveries", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetCaseDeliveriesQuery(id), ct))
            .RequireAuthorization()
            .WithTags("Zaken")
            .WithName("listZaakBezorgingen")
            .WithSummary("De bezorging van de meldingen van een zaak, per ontvanger")
            .Produces<IReadOnlyList<DeliveryDto>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}

/// <summary>Which deliveries are dead letters, for the list and the start page's count alike.</summary>
internal static class DeliveryAdministrationSelections
{
    public static IQueryable<Casework.Domain.Delivery.OutboxDelivery> DeadLetters(CaseworkDbContext db) => db.Deliveries.Where(d => d.Status == DeliveryStatus.DeadLettered);
}
