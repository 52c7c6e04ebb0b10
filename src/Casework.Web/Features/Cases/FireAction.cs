using System.Text.Json;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

/// <summary>Fire a workflow action on a case: <c>POST /api/v1/cases/{id}/actions/{action}</c> with <c>If-Match</c>.</summary>
public sealed record FireActionCommand(Guid CaseId, string ActionId, int ExpectedVersion, string? Reason, IReadOnlyDictionary<string, JsonElement> Data) : ICommand<CaseDto>;

/// <summary>Request body of a case action.</summary>
public sealed record FireActionRequest(string? Reason, Dictionary<string, JsonElement>? Data);

internal sealed class FireActionValidator : AbstractValidator<FireActionCommand>
{
    public FireActionValidator()
    {
        RuleFor(c => c.ActionId).NotEmpty().MaximumLength(64).Matches("^[a-zA-Z][a-zA-Z0-9-]*$").WithMessage("De actie is geen geldige actie-id.");
        RuleFor(c => c.ExpectedVersion).GreaterThan(0).WithMessage("If-Match moet de versie van de zaak bevatten (ETag), bijvoorbeeld \"3\".");
        RuleFor(c => c.Reason).MaximumLength(4000);
        RuleFor(c => c.Data.Count).LessThanOrEqualTo(50).OverridePropertyName("data").WithMessage("Te veel gegevens (maximaal 50 velden).");
    }
}

internal sealed class FireActionHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, TimeProvider time) : ICommandHandler<FireActionCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(FireActionCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.CaseId, actor, cancellationToken, withHistory: false);
        CaseAccess.EnsureMayWrite(actor);
        if (caseFile.Version != command.ExpectedVersion)
        {
            throw StaleVersion(caseFile.Version, command.ExpectedVersion);
        }

        await transitions.FireAsync(caseFile, actor, command.ActionId, new ActionInput(command.Reason, command.Data), cancellationToken);

        // The command's own transaction (TransactionBehavior) is all-or-nothing and a failed save below always ends
        // the command with an exception, so EF Core's savepoint around SaveChanges (two more statements per
        // transition) buys nothing here.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Cases.AsNoTracking().Where(c => c.Id == command.CaseId).Select(c => c.Version).FirstOrDefaultAsync(cancellationToken);
            throw StaleVersion(current, command.ExpectedVersion);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        var deadlines = new List<Deadline>();
        await foreach (var deadline in DeadlinesOf.For(db)(db, caseFile.Id).WithCancellation(cancellationToken))
        {
            deadlines.Add(deadline);
        }

        var actions = caseFile.IsClosed ? [] : await transitions.AvailableAsync(caseFile, actor, cancellationToken);
        return CaseMapping.ToDto(caseFile, deadlines, actions, AmsterdamClock.Today(time));
    }

    /// <summary>The case's deadlines for the response, compiled once (every transition runs it).</summary>
    private static readonly CompiledPerContext<Func<CaseworkDbContext, Guid, IAsyncEnumerable<Deadline>>> DeadlinesOf = new(() => EF.CompileAsyncQuery(
        (CaseworkDbContext db, Guid caseId) => db.Deadlines.AsNoTracking().Where(d => d.CaseId == caseId)));

    private static ApiProblemException StaleVersion(int current, int expected) =>
        ApiProblemException.Of(
            ProblemTypes.ConcurrencyConflict,
            $"De zaak is intussen gewijzigd (versie {current}, u stuurde {expected}). Haal de zaak opnieuw op en probeer het nog eens.",
            new Dictionary<string, object?> { ["currentVersion"] = current, ["expectedVersion"] = expected });
}
