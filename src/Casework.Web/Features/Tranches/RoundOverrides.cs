using System.Text.Json;
using System.Text.Json.Nodes;
using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

/// <summary>The rules in which a round departs from the round it was announced on (its <c>ruleSetOverrides</c>).</summary>
public sealed record RoundOverridesQuery(Guid TrancheId) : IQuery<RoundOverridesDto?>;

/// <summary>The round the rules were taken from, and per overridden rule its value here and there, in words.</summary>
public sealed record RoundOverridesDto(Guid BasedOnId, string BasedOnName, IReadOnlyList<RuleOverrideLine> Lines);

/// <summary>One overridden rule: its label, the value in this round and in the basis ("geen" when it did not apply), with this round's source.</summary>
public sealed record RuleOverrideLine(string Label, string Value, string Previous, string? Source);

/// <summary>
/// Reads the announcement of the round (the audit event <c>ronde.aangekondigd</c> records the basis and the names of the
/// overridden rules) and describes each overridden rule in both rule sets as the round page does. Null for a seeded
/// round, which was not announced on another.
/// </summary>
internal sealed class RoundOverridesHandler(CaseworkDbContext db) : IQueryHandler<RoundOverridesQuery, RoundOverridesDto?>
{
    public async ValueTask<RoundOverridesDto?> Handle(RoundOverridesQuery query, CancellationToken cancellationToken)
    {
        var stream = TrancheAudit.Stream(query.TrancheId);
        var announced = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Stream == stream && e.Action == "ronde.aangekondigd")
            .Select(e => e.NewValues)
            .FirstOrDefaultAsync(cancellationToken);
        if (announced is null || JsonNode.Parse(announced) is not JsonObject values
            || values["gebaseerdOp"]?.GetValue<string>() is not { } basisText || !Guid.TryParse(basisText, out var basisId))
        {
            return null;
        }

        var keys = values["overschreven"] is JsonArray names ? names.Select(n => n?.GetValue<string>()).OfType<string>().Where(k => k is not ("regeling" or "round" or "ruleSetVersion")).Distinct().ToList() : [];
        var rounds = await db.Set<Tranche>().AsNoTracking().Where(t => t.Id == query.TrancheId || t.Id == basisId).ToListAsync(cancellationToken);
        var round = rounds.FirstOrDefault(t => t.Id == query.TrancheId);
        var basis = rounds.FirstOrDefault(t => t.Id == basisId);
        if (round is null || basis is null)
        {
            return null;
        }

        var here = JsonNode.Parse(round.RuleSetJson)!.AsObject();
        var there = JsonNode.Parse(basis.RuleSetJson)!.AsObject();
        var lines = new List<RuleOverrideLine>();
        foreach (var key in keys)
        {
            var now = Describe(key, here[key]);
            var before = Describe(key, there[key]);
            var label = now?.Label ?? before?.Label;
            if (label is null)
            {
                continue;
            }

            lines.Add(new RuleOverrideLine(label, now?.Value ?? "geen", before?.Value ?? "geen", now?.Source));
        }

        return new RoundOverridesDto(basis.Id, basis.Name, lines);
    }

    /// <summary>One rule in words (all its lines joined), as <see cref="RoundModel.Summarise"/> writes it; null when it does not apply.</summary>
    private static RuleLine? Describe(string key, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        using var single = JsonDocument.Parse(new JsonObject { [key] = value.DeepClone() }.ToJsonString());
        var lines = RoundModel.Summarise(single.RootElement);
        return lines.Count == 0 ? null : new RuleLine(lines[0].Label, string.Join("; ", lines.Select(l => l.Value)), lines[0].Source);
    }
}
