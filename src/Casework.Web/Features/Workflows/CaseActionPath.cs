using Casework.Domain.Cases;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// The one path of a case action, whichever endpoint or page sends it: load the case the caller may see (with its
/// version) -> the engine decides on the pinned definition (role, organisation, state, input, guards) -> effects and
/// hooks are applied -> one save. A dedicated endpoint (<c>/applications/{id}/submit</c>, <c>/award</c>, ...) only
/// maps its body onto the action's input and calls <see cref="FireAsync"/>.
/// </summary>
internal sealed class CaseActionPath(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions)
{
    public const string IfMatchMessage = "If-Match moet de versie van de zaak bevatten (ETag), bijvoorbeeld \"3\".";

    /// <summary>Loads the case (404 when the caller may not see it), checks that the caller may write and that the version is current.</summary>
    public async Task<CaseFile> LoadForActionAsync(Guid caseId, int expectedVersion, CancellationToken ct)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, caseId, actor, ct, withHistory: false);
        CaseAccess.EnsureMayWrite(actor);
        EnsureVersion(caseFile, expectedVersion);
        return caseFile;
    }

    /// <summary>Fires <paramref name="actionId"/> on the case and saves once; returns the case as it now is.</summary>
    public Task<CaseFile> FireAsync(Guid caseId, string actionId, int expectedVersion, ActionInput input, CancellationToken ct) =>
        FireAsync(caseId, _ => actionId, expectedVersion, input, ct);

    /// <summary>
    /// Fires the action that <paramref name="chooseAction"/> picks on the loaded case (a friendlier endpoint whose
    /// action depends on where the case lies), with the case's own version when the caller sent none; saves once.
    /// </summary>
    public async Task<CaseFile> FireAsync(Guid caseId, Func<CaseFile, string> chooseAction, int? expectedVersion, ActionInput input, CancellationToken ct)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, caseId, actor, ct, withHistory: false);
        CaseAccess.EnsureMayWrite(actor);
        var expected = expectedVersion ?? caseFile.Version;
        EnsureVersion(caseFile, expected);
        await transitions.FireAsync(caseFile, actor, chooseAction(caseFile), input, ct);
        await SaveAsync(caseFile, expected, ct);
        return caseFile;
    }

    /// <summary>
    /// The one SaveChanges of a command that changed a case. The command's own transaction (TransactionBehavior) is
    /// all-or-nothing and a failed save always ends the command with an exception, so EF Core's savepoint around
    /// SaveChanges (two more statements per transition) buys nothing here. A lost version race is a 409.
    /// </summary>
    public async Task SaveAsync(CaseFile caseFile, int expectedVersion, CancellationToken ct)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var now = await db.Cases.AsNoTracking().Where(c => c.Id == caseFile.Id).Select(c => c.Version).FirstOrDefaultAsync(ct);
            throw StaleVersion(now, expectedVersion);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    public static void EnsureVersion(CaseFile caseFile, int expected)
    {
        if (caseFile.Version != expected)
        {
            throw StaleVersion(caseFile.Version, expected);
        }
    }

    public static ApiProblemException StaleVersion(int current, int expected) =>
        ApiProblemException.Of(
            ProblemTypes.ConcurrencyConflict,
            $"De zaak is intussen gewijzigd (versie {current}, u stuurde {expected}). Haal de zaak opnieuw op en probeer het nog eens.",
            new Dictionary<string, object?> { ["currentVersion"] = current, ["expectedVersion"] = expected });
}

/// <summary>The If-Match rule of every case command, once.</summary>
internal static class CaseVersionRules
{
    public static IRuleBuilderOptions<T, int> IsCaseVersion<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThan(0).WithMessage(CaseActionPath.IfMatchMessage);
}
