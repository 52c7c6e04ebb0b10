using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Vastlopers;

/// <summary>
/// The friendlier shape of converting a vastloper into a knelpunt: maps the body onto the definition's own action
/// (<c>omzettenInKnelpunt</c>, or <c>boOmzettenInKnelpunt</c> when the case lies with the bestuurlijk overleg) and
/// takes the one path of every case action. What the conversion means for the new knelpunt is
/// <see cref="VastloperConversionHook"/>'s, so the generic action endpoint and the case page give the same knelpunt.
/// </summary>
internal sealed class ConvertVastloperHandler(CaseworkDbContext db, ICurrentActor current, CaseActionPath path, CaseTransitions transitions) : ICommandHandler<ConvertVastloperCommand, ConvertVastloperResponse>
{
    /// <summary>The conversion the definition offers where the vastloper lies now (alliance or bestuurlijk overleg).</summary>
    private string ConversionOf(CaseFile caseFile) => caseFile.CaseType == "vastloper"
        ? transitions.OfferedNow(caseFile, VastloperConversionHook.Actions) ?? VastloperConversionHook.Actions[0]
        : throw ApiProblemException.NotFound("De vastloper");

    public async ValueTask<ConvertVastloperResponse> Handle(ConvertVastloperCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var data = new Dictionary<string, JsonElement>();
        if (command.Wet is { Naam.Length: > 0 } wet)
        {
            data[VastloperConversionHook.WetField] = JsonSerializer.SerializeToElement(wet.Naam);
            Add(data, VastloperConversionHook.BwbIdField, wet.BwbId);
            Add(data, VastloperConversionHook.ArtikelField, wet.Artikel);
        }

        var converted = await path.FireAsync(command.Id, ConversionOf, command.ExpectedVersion, new ActionInput(command.Reason, data), cancellationToken);
        var knelpunt = await db.CaseLinks.AsNoTracking()
            .Where(l => l.ToCaseId == converted.Id && l.Kind == CaseLink.AfgeleidVan)
            .Join(db.Cases, l => l.FromCaseId, c => c.Id, (l, c) => new { c.Id, c.Reference })
            .SingleAsync(cancellationToken);
        return new ConvertVastloperResponse(await VastloperQueries.LoadAsync(db, converted.Id, actor, cancellationToken), knelpunt.Id, knelpunt.Reference);
    }

    private static void Add(Dictionary<string, JsonElement> data, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[field] = JsonSerializer.SerializeToElement(value);
        }
    }
}
