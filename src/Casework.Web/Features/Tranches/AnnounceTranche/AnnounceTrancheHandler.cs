using System.Text.Json;
using System.Text.Json.Nodes;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

internal sealed class AnnounceTrancheHandler(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time, IMediator mediator) : ICommandHandler<AnnounceTrancheCommand, TrancheDto>
{
    public async ValueTask<TrancheDto> Handle(AnnounceTrancheCommand command, CancellationToken cancellationToken)
    {
        var actor = TrancheAccess.Require(current, Role.Beheerder, null);
        var request = command.Request!;
        var basis = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.BasedOnTrancheId, cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("basedOnTrancheId", "Deze ronde bestaat niet.")]);
        if (await db.Set<Tranche>().AnyAsync(t => t.Regeling == basis.Regeling && t.Name == request.Name, cancellationToken))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"Er bestaat al een ronde '{request.Name}' van deze regeling.");
        }

        var json = JsonNode.Parse(basis.RuleSetJson)!.AsObject();
        foreach (var (key, value) in request.RuleSetOverrides ?? [])
        {
            if (key is "regeling" or "round" or "ruleSetVersion" || !json.ContainsKey(key) && value is null)
            {
                continue;
            }

            json[key] = value?.DeepClone();
        }

        // A round announced on a seeded historic round (which names no bijlagen) requires the regeling's standard
        // bijlagen, unless the Beheerder names them (an empty list: none).
        if (json["requiredDocuments"] is null && request.RuleSetOverrides?.ContainsKey("requiredDocuments") != true)
        {
            json["requiredDocuments"] = JsonSerializer.SerializeToNode(StandardRequiredDocuments.For(basis.Regeling), FundingRuleSetJson.Options);
        }

        json["round"] = request.Name;
        json["ruleSetVersion"] = basis.RuleSetVersion + 1;
        FundingRuleSet ruleSet;
        try
        {
            ruleSet = FundingRuleSetJson.Deserialize(json.ToJsonString());
        }
        catch (JsonException e)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("ruleSetOverrides", "De regelset is ongeldig: " + e.Message)]);
        }

        if ((ruleSet.RequiredDocuments ?? []).Select(d => d is null ? "Een verplichte bijlage mag niet leeg zijn." : d.WhyInvalid()).FirstOrDefault(w => w is not null) is { } invalidDocument)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("ruleSetOverrides.requiredDocuments", invalidDocument)]);
        }

        if ((ruleSet.Beslistermijn is null ? "Geef de beslistermijn met weken, start en bron, of laat hem weg voor Awb 4:13 lid 2." : ruleSet.Beslistermijn.WhyInvalid()) is { } invalidTerm)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("ruleSetOverrides.beslistermijn", invalidTerm)]);
        }

        var id = Guid.NewGuid();

        // Announcing through the API is the announcement itself, unless the Beheerder records an earlier one.
        var announcedOn = request.AnnouncedOnDate ?? Casework.Domain.Time.AmsterdamClock.Today(time);
        var tranche = Tranche.Announce(id, basis.Regeling, request.Name!, announcedOn, request.OpensAt, request.ClosesAt, ruleSet, request.Notes);
        db.Add(tranche);
        db.Add(RoundBudget.Open(new RoundBudgetId(id), basis.Regeling, request.Name!, new Money(request.Ceiling)));
        await audit.AppendAsync(TrancheAudit.Stream(id), actor, "ronde.aangekondigd", "ronde", id.ToString(), "ok", null,
            new { tranche.Regeling, tranche.Name, gebaseerdOp = basis.Id, request.OpensAt, request.ClosesAt, plafond = request.Ceiling, overschreven = request.RuleSetOverrides?.Select(p => p.Key).ToList() }, request.Notes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetTrancheQuery(id), cancellationToken);
    }
}
