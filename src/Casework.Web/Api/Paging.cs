using System.Buffers.Text;
using System.Text;

namespace Casework.Web.Api;

/// <summary>A page of a keyset-paginated list: <c>next</c> is the cursor of the next page, or null at the end.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

internal static class Cursor
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 500;

    /// <summary>Opaque to clients: the last key of the previous page, base64url-encoded.</summary>
    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("cursor", "De cursor is ongeldig; gebruik de waarde van 'next' uit het vorige antwoord.")]);
        }
    }

    public static int Limit(int? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }

        if (limit < 1 || limit > MaxLimit)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("limit", $"limit moet tussen 1 en {MaxLimit} liggen.")]);
        }

        return limit.Value;
    }

    public static Page<T> ToPage<T>(List<T> itemsPlusOne, int limit, Func<T, string> key)
    {
        if (itemsPlusOne.Count <= limit)
        {
            return new Page<T>(itemsPlusOne, null);
        }

        var items = itemsPlusOne.GetRange(0, limit);
        return new Page<T>(items, Encode(key(items[^1])));
    }
}
