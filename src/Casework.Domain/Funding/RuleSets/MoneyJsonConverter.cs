using System.Text.Json;
using System.Text.Json.Serialization;
using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// Money as a plain JSON number of euros. Needed because System.Text.Json builds a struct through its
/// parameterless constructor, which would read every amount back as zero.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Money.Euro(reader.GetDecimal());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Euros);
    }
}
