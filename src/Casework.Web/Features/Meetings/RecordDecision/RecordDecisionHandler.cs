using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// Records the decision on an agenda item (a line of the besluitenlijst) and fires the case's workflow action
/// (e.g. <c>sbsdEscaleren</c>) through <see cref="CaseTransitions"/>, with the action items, in one transaction:
/// either the besluitenlijst and the case both change, or neither does.
/// </summary>
internal sealed class RecordDecisionHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, TimeProvider time) : ICommandHandler<RecordDecisionCommand, AgendaItemDto>
{
    private const string NoActionDecision = "kennisgenomen";

    public async ValueTask<AgendaItemDto> Handle(RecordDecisionCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var meeting = await MeetingAccess.LoadAsync(db, command.MeetingId, cancellationToken);
        MeetingAccess.EnsureSecretaryOf(actor, meeting.BodyCode);
        var item = meeting.Items.FirstOrDefault(i => i.Id == command.ItemId) ?? throw ApiProblemException.NotFound("Het agendapunt");
        var caseFile = await CaseAccess.LoadVisibleAsync(db, item.CaseId, actor, cancellationToken);
        var today = AmsterdamClock.Today(time);
        var now = time.GetUtcNow();
        if (command.Action is { } action)
        {
            await transitions.FireAsync(caseFile, actor, action, new ActionInput(command.Reason, command.Data), cancellationToken);
        }
        else if (!MeetingBodies.IsAlliance(meeting.BodyCode))
        {
            // SBSD, BRSD and BO decide on a case: their decision always moves it on.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("action", "Noem de actie van de workflow die dit besluit uitvoert (bijvoorbeeld sbsdEscaleren).")]);
        }

        meeting.Decide(item.Id, command.Action ?? NoActionDecision, command.Besluit, today, now, actor.UserId);
        foreach (var a in command.ActionItems)
        {
            item.AddActionItem(Guid.NewGuid(), a.Description!, a.Owner!, a.DueDate!.Value);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ApiProblemException.Of(ProblemTypes.ConcurrencyConflict, $"Zaak {caseFile.Reference} is intussen gewijzigd. Haal de vergadering opnieuw op en probeer het nog eens.");
        }

        return MeetingMapping.ToDto(item);
    }
}
