using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Casework.Domain.Funding;

/// <summary>The JSON form of a rule set: camelCase, enums as strings (a stored rule set stays readable).</summary>
public static class FundingRuleSetJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(FundingRuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);

    public static FundingRuleSet Deserialize(string json) =>
        JsonSerializer.Deserialize<FundingRuleSet>(json, Options)
        ?? throw new JsonException("A rule set cannot be null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) {
            WriteIndented = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new MoneyJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
