using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Tranches;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Persistence.Configurations;
using Casework.Web.Features.Workflows;
using DutchDate = Casework.Domain.Time.DutchDate;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// The gemeente asks to change the award (fewer or other homes, a lower amount, later milestones, another project area):
/// opens a case of the <c>wijzigingsverzoek</c> definition, linked to the award, and submits it (receipt, beslistermijn).
/// Documents go into the new case's dossier; the department decides on it with the definition's actions.
/// </summary>
public sealed record RequestChangeCommand(Guid Id, ChangeRequestRequest? Request) : ICommand<ChangeRequestDto>;

internal static class ChangeRules
{
    public const string DefinitionId = "wijzigingsverzoek";
    public const string Approval = "wijzigingsbesluit";
    public const string Source = "(ontwerpkeuze) een wijziging van de toekenning is een besluit op verzoek van de gemeente";
}

internal sealed class RequestChangeValidator : AbstractValidator<RequestChangeCommand>
{
    public RequestChangeValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het verzoek om wijziging als JSON.");
        RuleFor(c => c.Request!.Homes).ValidHomes().When(c => c.Request is not null)
            .OverridePropertyName("homes").WithMessage("De woningen per categorie zijn aantallen van nul of meer.");
        RuleFor(c => c.Request!.Homes).Must(h => h is null || h.SocialeHuur + h.Middenhuur + h.BetaalbareKoop + h.Other > 0).When(c => c.Request is not null)
            .OverridePropertyName("homes").WithMessage("Een project houdt ten minste één woning.");
        RuleFor(c => c.Request!.Amount).GreaterThan(0).Must(a => a is null || decimal.Round(a.Value, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("amount").WithMessage("Het bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.ProjectArea).MaximumLength(500).When(c => c.Request is not null)
            .OverridePropertyName("projectArea").WithMessage("Het projectgebied is ten hoogste 500 tekens.");
        RuleFor(c => c.Request!.Reason).NotEmpty().MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("Vermeld waarom u de wijziging vraagt (ten hoogste 4000 tekens).");
        RuleFor(c => c.Request).Must(r => r!.Homes is not null || r.Amount is not null || !string.IsNullOrWhiteSpace(r.ProjectArea) || r.StartBouwUiterlijk is not null || r.GereedUiterlijk is not null)
            .When(c => c.Request is not null)
            .OverridePropertyName("request").WithMessage("Vraag ten minste één wijziging: woningen, bedrag, projectgebied of een mijlpaal.");
    }
}

internal sealed class RequestChangeHandler(CaseworkDbContext db, ICurrentActor current, AfterAwardService service, CaseOpener opener, CaseTransitions transitions) : ICommandHandler<RequestChangeCommand, ChangeRequestDto>
{
    public async ValueTask<ChangeRequestDto> Handle(RequestChangeCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForGemeenteAsync(command.Id, actor, cancellationToken);
        if (await service.IsVastgesteldAsync(application.Id, cancellationToken))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "De uitkering is al vastgesteld; de toekenning kan niet meer worden gewijzigd.");
        }

        if (application.AwardedAmount is not { Euros: > 0m })
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "De toekenning is vervallen; er valt niets meer te wijzigen.");
        }

        var open = await db.Set<Wijzigingsverzoek>().Where(w => w.ApplicationId == application.Id && w.ResultingVersion == null)
            .Join(db.Cases.IgnoreAutoIncludes(), w => w.Id, c => c.Id, (w, c) => new { c.Reference, c.IsClosed })
            .Where(x => !x.IsClosed).Select(x => x.Reference).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"Er loopt al een verzoek om wijziging ({open}); wacht het besluit daarop af of trek het in.");
        }

        var request = command.Request!;
        var conditions = await service.CurrentConditionsAsync(application.Id, cancellationToken);
        var broken = new List<BrokenRule>();
        if (request.Amount is { } amount && new Money(amount) > conditions.Amount)
        {
            broken.Add(new BrokenRule("WIJZIGING-HOGER-BEDRAG",
                $"Een wijziging kan het bedrag niet verhogen boven {AfterAwardLabels.Money(conditions.Amount.Euros)}; meer geld vraagt een nieuwe aanvraag in een ronde.", "Besluit Woningbouwimpuls 2020 art. 4(1) en de regeling: een uitkering past binnen het plafond van de ronde"));
        }

        var today = service.Today;
        if (request.StartBouwUiterlijk is { } start && start <= today)
        {
            broken.Add(new BrokenRule("MIJLPAAL-NIET-LATER", $"De nieuwe datum voor de start van de bouw ({DutchDate.WithWeekday(start)}) ligt niet na vandaag.", ChangeRules.Source));
        }

        if (request.GereedUiterlijk is { } done && done <= (request.StartBouwUiterlijk ?? today))
        {
            broken.Add(new BrokenRule("MIJLPAAL-NIET-LATER", $"De nieuwe datum voor gereed ({DutchDate.WithWeekday(done)}) ligt niet na de start van de bouw en vandaag.", ChangeRules.Source));
        }

        var latest = conditions.ValidFrom.AddYears(25);
        foreach (var date in new[] { request.StartBouwUiterlijk, request.GereedUiterlijk }.OfType<DateOnly>().Where(d => d > latest))
        {
            broken.Add(new BrokenRule("MIJLPAAL-TE-LAAT", $"De datum {DutchDate.WithWeekday(date)} ligt meer dan 25 jaar na de voorwaarden van {DutchDate.WithWeekday(conditions.ValidFrom)}.", "(ontwerpkeuze) een wijziging houdt het project binnen een overzienbare looptijd"));
        }

        if (broken.Count > 0)
        {
            throw new BusinessRuleViolationException(broken);
        }

        var change = await opener.OpenAsync(ChangeRules.DefinitionId, caseFile.OwningOrganisation, $"Wijziging: {caseFile.Title}", actor, cancellationToken);
        db.CaseLinks.Add(new CaseLink(change.Id, caseFile.Id, CaseLink.AfgeleidVan, service.Now, request.Reason));
        var verzoek = new Wijzigingsverzoek(change.Id, application.Id, conditions.Version, request.Amount is { } a ? new Money(a) : null, request.Homes is { } h ? h.ToDomain() : null,
            string.IsNullOrWhiteSpace(request.ProjectArea) ? null : request.ProjectArea.Trim(), request.StartBouwUiterlijk, request.GereedUiterlijk, request.Reason!.Trim(), actor.UserId, service.Now);
        db.Add(verzoek);
        await transitions.FireAsync(change, actor, "indienen", ActionInput.Empty, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeRequestDto(change.Id, change.Reference, change.State, change.StateLabel, verzoek.BasedOnVersion, null, verzoek.Amount?.Euros,
            verzoek.Homes is { } homes ? AfterAwardReader.Homes(homes) : null, verzoek.ProjectArea, verzoek.StartBouwUiterlijk, verzoek.GereedUiterlijk, verzoek.Reason, verzoek.RequestedAt);
    }
}

/// <summary>
/// The wijzigingsbesluit (the definition's <c>goedkeuren</c>, whichever endpoint or page fired it) turns the request into
/// the award's next conditions version, in the same unit of work: the old versions stay; a lower amount releases the
/// difference on the round's ledger (never below what was paid out); later milestones move their terms.
/// </summary>
internal sealed class ChangeDecisionEffect(CaseworkDbContext db, AfterAwardService service, RoundLedger ledger, AuditTrail audit) : IDecisionEffect
{
    public async ValueTask ApplyAsync(CaseFile caseFile, string besluitType, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (besluitType != ChangeRules.Approval)
        {
            return;
        }

        var verzoek = await db.Set<Wijzigingsverzoek>().FirstOrDefaultAsync(w => w.Id == caseFile.Id, ct)
            ?? throw new InvalidOperationException($"Case {caseFile.Reference} is a wijzigingsverzoek without its request.");
        var application = await db.Set<FundingApplication>().FirstAsync(a => a.Id == verzoek.ApplicationId, ct);
        if (await service.IsVastgesteldAsync(application.Id, ct))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "De uitkering is al vastgesteld; de toekenning kan niet meer worden gewijzigd.");
        }

        if (application.AwardedAmount is not { Euros: > 0m })
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "De toekenning is vervallen; er valt niets meer te wijzigen.");
        }

        var current = await service.CurrentConditionsAsync(application.Id, ct);
        if (current.Version != verzoek.BasedOnVersion)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict,
                $"Het verzoek gaat uit van voorwaarden versie {verzoek.BasedOnVersion}, maar intussen gelden versie {current.Version}; de gemeente dient een nieuw verzoek in.");
        }

        var amount = verzoek.Amount ?? current.Amount;
        var milestones = await db.Set<AwardMilestone>().Where(m => m.ApplicationId == application.Id).ToListAsync(ct);
        var start = await MoveAsync(milestones, MilestoneKinds.StartBouw, verzoek.StartBouwUiterlijk, ct) ?? current.StartBouwUiterlijk;
        var gereed = await MoveAsync(milestones, MilestoneKinds.Gereed, verzoek.GereedUiterlijk, ct) ?? current.GereedUiterlijk;
        var next = new AwardConditions(application.Id, current.Version + 1, amount, verzoek.Homes ?? current.Homes, verzoek.ProjectArea ?? current.ProjectArea,
            start, gereed, service.Today, verzoek.Reason, caseFile.Id, actor.UserId, service.Now);
        db.Add(next);
        verzoek.Approved(next.Version);

        if (amount < current.Amount)
        {
            var portions = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationId == application.Id).Select(p => p.AwardedPortion).ToListAsync(ct);
            var change = application.ReviseAward(amount, portions.Aggregate(Money.Zero, (sum, p) => sum + p), service.Now);
            await ledger.ReleaseAsync(application.TrancheId, Money.Zero - change, ct);
            await audit.AppendAsync(TrancheAudit.Stream(application.TrancheId), actor, "ronde.verplichtingVrijgevallen", "aanvraag", application.Id.ToString(), "ok",
                new { toegekend = current.Amount.Euros }, new { toegekend = amount.Euros, wijziging = change.Euros, wijzigingsverzoek = caseFile.Reference }, verzoek.Reason, ct);
        }

        await audit.AppendAsync(AuditTrail.CaseStream(application.Id), actor, "toekenning.voorwaardenGewijzigd", "voorwaarden", next.Id.ToString(), "ok",
            new { versie = current.Version, bedrag = current.Amount.Euros, woningen = current.Homes.Total },
            new { versie = next.Version, bedrag = next.Amount.Euros, woningen = next.Homes.Total, wijzigingsverzoek = caseFile.Reference }, verzoek.Reason, ct);
    }

    /// <summary>A later milestone date: the milestone's term is stopped and a new one runs to the new date, firing what the old one fired.</summary>
    private async Task<DateOnly?> MoveAsync(List<AwardMilestone> milestones, string kind, DateOnly? newDate, CancellationToken ct)
    {
        if (newDate is not { } date || milestones.FirstOrDefault(m => m.Kind == kind) is not { IsSettled: false } milestone)
        {
            return newDate;
        }

        var old = await service.DeadlineAsync(milestone.DeadlineId, ct);
        var today = service.Today;
        if (old is null || old.IsClosed)
        {
            milestone.MoveTo(date);
            return date;
        }

        var onExpiry = db.Entry(old).Property<string?>(DeadlineConfiguration.OnExpiryAction).CurrentValue;
        old.Stop();
        // A fixed-length kind (WBI's three and ten years) cannot run to another date: the milestone's own kind takes over.
        var kindOfTerm = old.Kind.LengthIsConfigurable ? old.Kind : kind == MilestoneKinds.StartBouw ? TermKinds.MijlpaalStartBouw : TermKinds.MijlpaalGereed;
        var moved = await service.StartDeadlineAsync(old.CaseId, kindOfTerm, today, TermLength.Days(date.DayNumber - today.DayNumber), onExpiry, ct);
        milestone.Relink(moved.CurrentDueDate, moved.Id, moved.KindId);
        return moved.CurrentDueDate;
    }
}
