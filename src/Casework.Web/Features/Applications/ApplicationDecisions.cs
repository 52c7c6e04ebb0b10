using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>Submits a draft: checks every admission rule of the round at once (422 with all broken rules, nothing changed), then fires <c>indienen</c>.</summary>
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
        RuleFor(c => c.ExpectedVersion).GreaterThan(0).WithMessage("If-Match moet de versie van de zaak bevatten (ETag), bijvoorbeeld \"3\".");
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
        RuleFor(c => c.ExpectedVersion).GreaterThan(0).WithMessage("If-Match moet de versie van de zaak bevatten (ETag), bijvoorbeeld \"3\".");
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het besluit als JSON.");
        RuleFor(c => c.Request!.Amount).GreaterThan(0).Must(a => decimal.Round(a, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("amount").WithMessage("Het bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.SentDate).NotEmpty().When(c => c.Request is not null).OverridePropertyName("sentDate");
        RuleFor(c => c.Request!.Reason).MaximumLength(4000).When(c => c.Request is not null).OverridePropertyName("reason");
    }
}

internal sealed class ApplicationDecisionHandlers(
    CaseworkDbContext db,
    ICurrentActor current,
    CaseTransitions transitions,
    AdmissionContextLoader admission,
    AwardLedgerScope ledgerScope,
    AuditTrail audit,
    TimeProvider time) :
    ICommandHandler<SubmitApplicationCommand, ApplicationDto>,
    ICommandHandler<RecordScoresCommand, ApplicationDto>,
    ICommandHandler<AwardApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var (caseFile, application, tranche) = await LoadAsync(command.Id, cancellationToken);
        ApplicationConcurrency.EnsureVersion(caseFile, command.ExpectedVersion);
        if (caseFile.State != "concept")
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De aanvraag is al ingediend (status '{caseFile.StateLabel}').");
        }

        var now = time.GetUtcNow();
        var broken = AdmissionRules.Evaluate(application.ToProposal(), await admission.LoadAsync(application, now, cancellationToken));
        if (broken.Count > 0)
        {
            throw new BusinessRuleViolationException(broken);
        }

        application.MarkSubmitted(now);
        await transitions.FireAsync(caseFile, current.Actor, "indienen", new ActionInput(null, new Dictionary<string, JsonElement>()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationMapping.ToDto(application, caseFile, tranche);
    }

    public async ValueTask<ApplicationDto> Handle(RecordScoresCommand command, CancellationToken cancellationToken)
    {
        var (caseFile, application, tranche) = await LoadAsync(command.Id, cancellationToken);
        var actor = current.Actor;
        var committee = application.Regeling == Regeling.Wbi ? "TC-WBI" : "TC-VHF";
        if (!actor.Roles.Contains(Role.Commissielid) || actor.Organisation != committee)
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Alleen een lid van de toetsingscommissie {committee} scoort deze aanvraag.");
        }

        if (caseFile.State != "beoordelingCommissie")
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De aanvraag ligt niet bij de toetsingscommissie (status '{caseFile.StateLabel}').");
        }

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
    /// Commits the money and decides in one transaction: first one conditional update of the round's ledger row
    /// (it only succeeds while committed + amount stays within the ceiling, so concurrent awards can never exceed
    /// it), then the workflow's <c>toekennen</c> (full) or <c>gedeeltelijkToekennen</c> (partial) transition. If
    /// the ledger refuses, 409 and nothing is written; if the engine refuses, the exception rolls the ledger back.
    /// In heroverweging an existing award is revised: only the difference is committed or released.
    /// </summary>
    public async ValueTask<ApplicationDto> Handle(AwardApplicationCommand command, CancellationToken cancellationToken)
    {
        var (caseFile, application, tranche) = await LoadAsync(command.Id, cancellationToken);
        ApplicationConcurrency.EnsureVersion(caseFile, command.ExpectedVersion);
        var request = command.Request!;
        var amount = new Money(request.Amount);
        var partial = amount < application.RequestedAmount;
        if (amount > application.RequestedAmount)
        {
            throw new BusinessRuleViolationException(new BrokenRule("BEDRAG-BOVEN-AANVRAAG", $"Er kan niet meer worden toegekend ({amount}) dan gevraagd ({application.RequestedAmount}).", "(ontwerpkeuze)"));
        }

        if (partial && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("reason", "Een gedeeltelijke toekenning vermeldt de reden (bijvoorbeeld: plafond bereikt).")]);
        }

        if (application.AwardedAmount is not null)
        {
            // A new decision on an award after a well-founded objection (in heroverweging, or back in rangschikking
            // after the committee looked again): only the difference moves on the ledger.
            if (caseFile.State is not ("heroverweging" or "rangschikking"))
            {
                throw ApiProblemException.Of(ProblemTypes.Conflict, $"Aan deze aanvraag is al {application.AwardedAmount} toegekend; een nieuw besluit volgt alleen bij heroverweging na bezwaar.");
            }

            await CommitmentLedger.ReviseAsync(db, audit, application, amount, current.Actor, request.Reason, time.GetUtcNow(), cancellationToken);
        }
        else
        {
            if (!await CommitmentLedger.TryCommitAsync(db, tranche.Id, amount, cancellationToken))
            {
                var remaining = await db.Set<RoundBudget>().AsNoTracking().Where(b => b.Id == new RoundBudgetId(tranche.Id)).Select(b => new { b.Ceiling, b.Committed }).FirstAsync(cancellationToken);
                throw ApiProblemException.Of(
                    ProblemTypes.Conflict,
                    $"Het bedrag {amount} past niet meer binnen het plafond van ronde {tranche.Name}: resterend {remaining.Ceiling - remaining.Committed}.",
                    new Dictionary<string, object?> { ["remaining"] = (remaining.Ceiling - remaining.Committed).Euros, ["ruleCode"] = "PLAFOND-OVERSCHREDEN" });
            }

            application.RecordAward(amount, time.GetUtcNow());
        }

        ledgerScope.Committed(caseFile.Id);
        var data = new Dictionary<string, JsonElement>
        {
            ["bedrag"] = JsonSerializer.SerializeToElement(amount.Euros),
            ["verzenddatum"] = JsonSerializer.SerializeToElement(request.SentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        await transitions.FireAsync(caseFile, current.Actor, partial ? "gedeeltelijkToekennen" : "toekennen", new ActionInput(request.Reason, data), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationMapping.ToDto(application, caseFile, tranche);
    }

    private async Task<(Domain.Cases.CaseFile Case, FundingApplication Application, Tranche Tranche)> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, id, actor, ct);
        CaseAccess.EnsureMayWrite(actor);
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
        return (caseFile, application, tranche);
    }
}
