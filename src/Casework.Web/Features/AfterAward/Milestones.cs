using System.Globalization;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Documents;
using Casework.Workflows.Engine;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>The gemeente reports a milestone with its date and the dossier documents that evidence it.</summary>
public sealed record ReportMilestoneCommand(Guid Id, string Kind, MilestoneReportRequest? Request) : ICommand<AfterAwardDto>;

/// <summary>The department accepts a reported milestone, asks for more evidence, or (after the term expired) accepts the gemeente's reason.</summary>
public sealed record JudgeMilestoneCommand(Guid Id, string Kind, MilestoneJudgementRequest? Request) : ICommand<AfterAwardDto>;

internal sealed class ReportMilestoneValidator : AbstractValidator<ReportMilestoneCommand>
{
    public ReportMilestoneValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de melding als JSON.");
        RuleFor(c => c.Request!.Date).NotNull().When(c => c.Request is not null)
            .OverridePropertyName("date").WithMessage("Vermeld de datum waarop de mijlpaal is bereikt (jjjj-mm-dd).");
        RuleFor(c => c.Request!.EvidenceDocumentIds).NotEmpty().When(c => c.Request is not null)
            .OverridePropertyName("evidenceDocumentIds").WithMessage("Voeg ten minste één bewijsstuk uit het dossier toe.");
        RuleFor(c => c.Request!.EvidenceDocumentIds!.Count).LessThanOrEqualTo(50).When(c => c.Request?.EvidenceDocumentIds is not null)
            .OverridePropertyName("evidenceDocumentIds").WithMessage("Ten hoogste 50 bewijsstukken per melding.");
        RuleFor(c => c.Request!.Note).MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("note").WithMessage("De toelichting is ten hoogste 4000 tekens.");
    }
}

internal sealed class JudgeMilestoneValidator : AbstractValidator<JudgeMilestoneCommand>
{
    public static readonly string[] Outcomes = ["aanvaarden", "aanvullingVragen", "redenAanvaarden"];

    public JudgeMilestoneValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het oordeel als JSON.");
        RuleFor(c => c.Request!.Outcome).Must(o => o is not null && Outcomes.Contains(o)).When(c => c.Request is not null)
            .OverridePropertyName("outcome").WithMessage("Kies het oordeel: aanvaarden, aanvullingVragen of redenAanvaarden.");
        RuleFor(c => c.Request!.Reason).NotEmpty().When(c => c.Request is not null && c.Request.Outcome is "aanvullingVragen" or "redenAanvaarden")
            .OverridePropertyName("reason").WithMessage("Vermeld wat er ontbreekt of waarom de reden wordt aanvaard.");
        RuleFor(c => c.Request!.Reason).MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("De toelichting is ten hoogste 4000 tekens.");
    }
}

internal sealed class ReportMilestoneHandler(CaseworkDbContext db, ICurrentActor current, AfterAwardService service, AuditTrail audit, CaseTransitions transitions) : ICommandHandler<ReportMilestoneCommand, AfterAwardDto>
{
    private const string Source = "(ontwerpkeuze) de gemeente meldt een mijlpaal met bewijsstukken; de beoordelaar beoordeelt";

    public async ValueTask<AfterAwardDto> Handle(ReportMilestoneCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForGemeenteAsync(command.Id, actor, cancellationToken);
        var milestone = await db.Set<AwardMilestone>().FirstOrDefaultAsync(m => m.ApplicationId == application.Id && m.Kind == command.Kind, cancellationToken)
            ?? throw ApiProblemException.NotFound("De mijlpaal");
        var request = command.Request!;
        if (await service.IsVastgesteldAsync(application.Id, cancellationToken))
        {
            throw AfterAwardService.Broken("AL-VASTGESTELD", "De uitkering is al vastgesteld; er valt geen mijlpaal meer te melden.", Source);
        }

        if (milestone.Status is not (MilestoneStatus.Open or MilestoneStatus.AanvullingGevraagd))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De mijlpaal '{MilestoneKinds.Label(milestone.Kind)}' is al gemeld ({AfterAwardLabels.MilestoneStatus(AfterAwardReader.StatusCode(milestone.Status)).ToLowerInvariant()}).");
        }

        var conditions = await service.CurrentConditionsAsync(application.Id, cancellationToken);
        var date = request.Date!.Value;
        if (date > service.Today)
        {
            throw AfterAwardService.Broken("MIJLPAAL-IN-TOEKOMST", $"De datum {DutchDate.WithWeekday(date)} ligt na vandaag; meld een mijlpaal als hij is bereikt.", Source);
        }

        var awardedOn = (await db.Set<AwardConditions>().Where(c => c.ApplicationId == application.Id && c.Version == 1).FirstAsync(cancellationToken)).ValidFrom;
        if (date < awardedOn && conditions.Version >= 1 && milestone.Kind == MilestoneKinds.Gereed)
        {
            throw AfterAwardService.Broken("MIJLPAAL-VOOR-TOEKENNING", $"Het project kan niet gereed zijn vóór de toekenning op {DutchDate.WithWeekday(awardedOn)}.", Source);
        }

        var evidence = request.EvidenceDocumentIds!.Distinct().ToList();
        var found = await db.Set<Document>().Where(d => d.CaseId == caseFile.Id && evidence.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        var missing = evidence.Except(found).ToList();
        if (missing.Count > 0)
        {
            throw AfterAwardService.Broken("BEWIJSSTUK-ONBEKEND", $"{missing.Count} bewijsstuk(ken) staan niet in het dossier van deze zaak: {string.Join(", ", missing)}.", Source);
        }

        milestone.Report(date, evidence, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), actor.UserId, service.Now);
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "mijlpaal.gemeld", "mijlpaal", milestone.Id.ToString(), "ok", null,
            new { mijlpaal = milestone.Kind, datum = date, bewijsstukken = evidence }, milestone.ReportNote, cancellationToken);
        var actions = MilestoneKinds.Actions(milestone.Kind);
        if (transitions.OfferedNow(caseFile, actions.Report) is { } report)
        {
            // The case follows the milestone through its definition's own action (v4): the engine judges who and when.
            var data = new Dictionary<string, JsonElement> { [actions.DateField] = JsonSerializer.SerializeToElement(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) };
            await transitions.FireAsync(caseFile, actor, report, new ActionInput(milestone.ReportNote, data), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await AfterAwardReader.ReadAsync(db, caseFile, service.Today, cancellationToken))!;
    }
}

internal sealed class JudgeMilestoneHandler(CaseworkDbContext db, ICurrentActor current, AfterAwardService service, AuditTrail audit, CaseTransitions transitions) : ICommandHandler<JudgeMilestoneCommand, AfterAwardDto>
{
    private const string Source = "(ontwerpkeuze) de beoordelaar aanvaardt de melding, vraagt om aanvulling of aanvaardt na het verstrijken van de termijn de reden";

    public async ValueTask<AfterAwardDto> Handle(JudgeMilestoneCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForDepartmentAsync(command.Id, actor, cancellationToken);
        var milestone = await db.Set<AwardMilestone>().FirstOrDefaultAsync(m => m.ApplicationId == application.Id && m.Kind == command.Kind, cancellationToken)
            ?? throw ApiProblemException.NotFound("De mijlpaal");
        var request = command.Request!;
        var deadline = await service.DeadlineAsync(milestone.DeadlineId, cancellationToken);
        var expired = deadline?.Status == DeadlineStatus.Expired;
        var label = MilestoneKinds.Label(milestone.Kind);
        if (milestone.IsSettled)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De mijlpaal '{label}' is al beoordeeld ({AfterAwardLabels.MilestoneStatus(AfterAwardReader.StatusCode(milestone.Status)).ToLowerInvariant()}).");
        }

        MilestoneStatus outcome;
        switch (request.Outcome)
        {
            case "aanvaarden" or "aanvullingVragen" when milestone.Status != MilestoneStatus.Gemeld:
                throw ApiProblemException.Of(ProblemTypes.Conflict, $"De gemeente heeft de mijlpaal '{label}' (nog) niet gemeld; er is niets te beoordelen.");
            case "aanvaarden":
                outcome = MilestoneStatus.Aanvaard;

                // The report met the term when the milestone was reached within it; the term then ends (met), so it never expires.
                AfterAwardService.Close(deadline, deadline is not null && milestone.ReportedDate!.Value < deadline.StartedOn ? deadline.StartedOn : milestone.ReportedDate!.Value);
                break;
            case "aanvullingVragen":
                outcome = MilestoneStatus.AanvullingGevraagd;
                break;
            default:
                if (!expired)
                {
                    throw AfterAwardService.Broken("TERMIJN-LOOPT-NOG", $"De termijn van de mijlpaal '{label}' loopt nog tot en met {DutchDate.WithWeekday(deadline?.CurrentDueDate ?? milestone.DueDate)}; een reden aanvaarden kan pas als hij is verstreken.", Source);
                }

                outcome = MilestoneStatus.RedenAanvaard;
                break;
        }

        milestone.Judge(outcome, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), actor.UserId, service.Now);
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "mijlpaal.beoordeeld", "mijlpaal", milestone.Id.ToString(), "ok", null,
            new { mijlpaal = milestone.Kind, oordeel = request.Outcome }, milestone.JudgementReason, cancellationToken);
        var actions = MilestoneKinds.Actions(milestone.Kind);
        var follow = outcome switch
        {
            MilestoneStatus.Aanvaard => transitions.OfferedNow(caseFile, actions.Accept),
            MilestoneStatus.AanvullingGevraagd => transitions.OfferedNow(caseFile, actions.AskMore),
            _ => null,
        };
        if (follow is not null)
        {
            await transitions.FireAsync(caseFile, actor, follow, new ActionInput(milestone.JudgementReason, new Dictionary<string, JsonElement>()), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await AfterAwardReader.ReadAsync(db, caseFile, service.Today, cancellationToken))!;
    }
}
