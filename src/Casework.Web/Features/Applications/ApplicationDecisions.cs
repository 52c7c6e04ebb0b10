using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Applications.AwardApplication;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>Submits a draft: fires <c>indienen</c>, whose guards check the window and every admission rule of the round at once (422 with all broken rules, nothing changed).</summary>
public sealed record SubmitApplicationCommand(Guid Id, int ExpectedVersion) : ICommand<ApplicationDto>;

/// <summary>The committee's score per criterion and its advice. For a round without weighted criteria (VHF) the committee gives its own total.</summary>
public sealed record ScoresRequest(Dictionary<string, decimal>? Scores, decimal? Total, CommitteeAdvice? Advice);

public sealed record RecordScoresCommand(Guid Id, ScoresRequest? Request) : ICommand<ApplicationDto>;

/// <summary>The award decision: the amount (less than requested: a partial award, with a reason) and the send date of the decision.</summary>
public sealed record AwardRequest(decimal Amount, DateOnly SentDate, string? Reason);

public sealed record AwardApplicationCommand(Guid Id, int ExpectedVersion, AwardRequest? Request) : ICommand<ApplicationDto>;

internal sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator() =>
        RuleFor(c => c.ExpectedVersion).IsCaseVersion();
}

internal sealed class RecordScoresValidator : AbstractValidator<RecordScoresCommand>
{
    public RecordScoresValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de scores als JSON.");
        RuleFor(c => c.Request!.Advice).NotNull().When(c => c.Request is not null).OverridePropertyName("advice").WithMessage("Geef het advies: Positief of Negatief.");
        RuleFor(c => c.Request!).Must(r => r.Scores is { Count: > 0 } || r.Total is not null).When(c => c.Request is not null)
            .OverridePropertyName("scores").WithMessage("Geef een score per criterium (of, in een ronde zonder gewogen criteria, het totaal).");
        RuleFor(c => c.Request!.Scores!.Count).LessThanOrEqualTo(20).When(c => c.Request?.Scores is not null).OverridePropertyName("scores");
    }
}

internal sealed class AwardApplicationValidator : AbstractValidator<AwardApplicationCommand>
{
    public AwardApplicationValidator()
    {
        RuleFor(c => c.ExpectedVersion).IsCaseVersion();
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het besluit als JSON.");
        RuleFor(c => c.Request!.Amount).GreaterThan(0).Must(a => decimal.Round(a, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("amount").WithMessage("Het bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.SentDate).NotEmpty().When(c => c.Request is not null).OverridePropertyName("sentDate");
        RuleFor(c => c.Request!.Reason).MaximumLength(4000).When(c => c.Request is not null).OverridePropertyName("reason");
    }
}

/// <summary>
/// The application's dedicated endpoints in their friendlier shapes. Each maps its body onto a workflow action's input
/// and takes the one path of every case action (<see cref="CaseActionPath"/>): the definition's guards judge the
/// admission rules, the ranking and the ceiling, and the award's money moves with its besluit (FundingDecisionEffect).
/// </summary>
internal sealed class ApplicationDecisionHandlers(
    CaseworkDbContext db,
    ICurrentActor current,
    CaseActionPath path,
    CaseTransitions transitions,
    TimeProvider time) :
    ICommandHandler<SubmitApplicationCommand, ApplicationDto>,
    ICommandHandler<RecordScoresCommand, ApplicationDto>,
    ICommandHandler<AwardApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var caseFile = await path.FireAsync(command.Id, SubmitApplication.SubmissionHook.Action, command.ExpectedVersion, ActionInput.Empty, cancellationToken);
        return await RespondAsync(caseFile, cancellationToken);
    }

    /// <summary>
    /// The committee's scores are the facts that <c>adviseren</c>'s guard judges, so whoever may take that action in
    /// the case's current state (the definition says: the committee the case is routed to) may record them.
    /// </summary>
    public async ValueTask<ApplicationDto> Handle(RecordScoresCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.Id, actor, cancellationToken, withHistory: false);
        CaseAccess.EnsureMayWrite(actor);
        transitions.EnsureMayPrepare(caseFile, actor, AdviseAction);
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);

        var request = command.Request!;
        var scheme = tranche.RuleSet.Scoring;
        ScoreSheet sheet;
        if (scheme.Criteria.Count == 0)
        {
            // VHF: no weighted criteria in the rules; the committee's own total is ranked (Funding/README.md).
            if (request.Total is not { } total || total < 0 || total > 1000)
            {
                throw new BusinessRuleViolationException(new BrokenRule("SCORE-TOTAAL-ONTBREEKT", "Deze ronde kent geen gewogen criteria: geef het totaal van de commissie (0-1000).", scheme.Source));
            }

            sheet = ScoreSheet.Create(new ScoringScheme([new ScoringCriterion("totaal", 1m, 0m, 1000m)], scheme.Source), new Dictionary<string, decimal> { ["totaal"] = total });
        }
        else
        {
            sheet = ScoreSheet.Create(scheme, request.Scores ?? []);
        }

        application.RecordScores(sheet, JsonSerializer.Serialize(sheet.Scores), request.Advice!.Value);
        caseFile.Touch(time.GetUtcNow());
        db.Entry(caseFile).Property(c => c.UpdatedAt).IsModified = true; // a change to the application is a new version of the case, even within one clock tick
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationMapping.ToDto(application, caseFile, tranche);
    }

    /// <summary>
    /// Maps the award body onto <c>toekennen</c> (the requested amount) or <c>gedeeltelijkToekennen</c> (less, with a
    /// reason). The action's guard judges the amount and the ceiling; its besluit commits the money through the
    /// ledger's atomic update in the same transaction (a new decision after an objection moves only the difference).
    /// </summary>
    public async ValueTask<ApplicationDto> Handle(AwardApplicationCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request!;
        // Tracked: the guard's facts, the besluit's effect and the response find this instance instead of reading it again.
        var application = await db.Set<FundingApplication>().FindAsync([command.Id], cancellationToken);
        var action = application is not null && new Money(request.Amount) < application.RequestedAmount ? AwardActions.Partial : AwardActions.Full;
        if (action == AwardActions.Partial && string.IsNullOrWhiteSpace(request.Reason))
        {
            // The action requires a reason too; this shape says in its own words what the reason is for.
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("reason", "Een gedeeltelijke toekenning vermeldt de reden (bijvoorbeeld: plafond bereikt).")]);
        }

        var data = new Dictionary<string, JsonElement>
        {
            [AwardActions.AmountField] = JsonSerializer.SerializeToElement(request.Amount),
            [AwardActions.SentDateField] = JsonSerializer.SerializeToElement(request.SentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        var caseFile = await path.FireAsync(command.Id, action, command.ExpectedVersion, new ActionInput(request.Reason, data), cancellationToken);
        return await RespondAsync(caseFile, cancellationToken);
    }

    private const string AdviseAction = "adviseren";

    private async Task<ApplicationDto> RespondAsync(Domain.Cases.CaseFile caseFile, CancellationToken ct)
    {
        var application = await db.Set<FundingApplication>().FindAsync([caseFile.Id], ct)
            ?? throw new InvalidOperationException($"Case {caseFile.Id} has no application.");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
        return ApplicationMapping.ToDto(application, caseFile, tranche);
    }
}
