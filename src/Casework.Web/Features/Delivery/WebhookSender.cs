using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace Casework.Web.Features.Delivery;

/// <summary>
/// Posts a notification in the shape of the ZGW Notificaties API (<c>kanaal</c>, <c>hoofdObject</c>, <c>resource</c>,
/// <c>resourceUrl</c>, <c>actie</c>, <c>aanmaakdatum</c>, <c>kenmerken</c> with string values) to a subscription's callback,
/// signed with HMAC-SHA256 over the exact body bytes with the subscription's secret
/// (<c>X-Casework-Signature: sha256=&lt;hex&gt;</c>). <c>X-Casework-Delivery</c> carries the delivery's stable id, the same on
/// every attempt, so a receiver can drop a resend. Anything but a 2xx answer is a failure, retried later.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options)
{
    public const string ClientName = "webhooks";
    public const string SignatureHeader = "X-Casework-Signature";
    public const string DeliveryHeader = "X-Casework-Delivery";

    public async Task SendAsync(WebhookSubscription subscription, OutboxMessage message, string deliveryId, CancellationToken ct)
    {
        var body = Body(message, options.Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.CallbackUrl)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(subscription.Secret, body));
        request.Headers.Add(DeliveryHeader, deliveryId);

        var client = clients.CreateClient(ClientName);
        client.Timeout = options.Value.WebhookTimeout;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new WebhookRefusedException($"De ontvanger antwoordde {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    /// <summary>Lower-case hex of HMAC-SHA256(secret as UTF-8, body).</summary>
    public static string Sign(string secret, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The ZGW body; relative URLs become absolute on <see cref="DeliveryOptions.PublicBaseUrl"/> when it is set.</summary>
    public static byte[] Body(OutboxMessage message, DeliveryOptions options)
    {
        var kenmerken = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(message.Kenmerken) ? "{}" : message.Kenmerken))
        {
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    // ZGW kenmerken are strings; a number, date or flag keeps its JSON text.
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.Null or JsonValueKind.Undefined:
                            break;
                        case JsonValueKind.String:
                            kenmerken[property.Name] = property.Value.GetString()!;
                            break;
                        default:
                            kenmerken[property.Name] = property.Value.GetRawText();
                            break;
                    }
                }
            }
        }

        var body = new
        {
            kanaal = message.Kanaal,
            hoofdObject = EmailComposer.Link(options, message.HoofdObject),
            resource = message.Resource,
            resourceUrl = EmailComposer.Link(options, message.ResourceUrl),
            actie = message.Actie,
            aanmaakdatum = message.Aanmaakdatum.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            kenmerken,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}

/// <summary>A receiver that answered but did not accept (non-2xx).</summary>
internal sealed class WebhookRefusedException(string message) : Exception(message);
