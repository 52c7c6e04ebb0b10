using System.Globalization;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Letters;
using Casework.Web.Features.Tranches;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using DutchDate = Casework.Domain.Time.DutchDate;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// The department sets the award's definitive amount (once), at the end or early after a missed milestone, from the
/// realisation against the current conditions, with the computation shown; below what was paid, a terugvordering follows.
/// </summary>
public sealed record SetVaststellingCommand(Guid Id, VaststellingRequest? Request) : ICommand<AfterAwardDto>;

internal sealed class SetVaststellingValidator : AbstractValidator<SetVaststellingCommand>
{
    public SetVaststellingValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de vaststelling als JSON.");
        RuleFor(c => c.Request!.Completed).ValidHomes().When(c => c.Request is not null)
            .OverridePropertyName("completed").WithMessage("Vermeld per categorie hoeveel woningen gereed zijn (geen negatieve aantallen).");
        RuleFor(c => c.Request!.Spent).GreaterThanOrEqualTo(0).LessThan(10_000_000_000m).Must(a => a is null || decimal.Round(a.Value, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("spent").WithMessage("Het bestede bedrag is een bedrag in euro's (niet negatief, ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.Verzenddatum).NotNull().When(c => c.Request is not null)
            .OverridePropertyName("verzenddatum").WithMessage("Vermeld de verzenddatum van het besluit (jjjj-mm-dd).");
        RuleFor(c => c.Request!.Reason).MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("De toelichting is ten hoogste 4000 tekens.");
    }
}

/// <summary>
/// How the definitive amount follows from the realisation (ontwerpkeuze where no source gives the rule; each line names
/// its source): nothing when fewer homes than the round's minimum were completed or the affordable share is below the
/// round's minimum; otherwise the award in proportion to the homes completed against the conditions, and never more than
/// was spent (the award letter: what is not spent on the purpose can be reclaimed).
/// </summary>
internal static class VaststellingComputation
{
    public const string ProRataSource = "(ontwerpkeuze) naar rato van de gerealiseerde woningen ten opzichte van de voorwaarden";
    public const string SpentSource = "Besluit tot verlening: wat niet aan het doel is besteed, kan worden teruggevorderd";

    /// <summary>
    /// The minimum that applies to this award's project, judged as at admission: the round's base minimum, raised where
    /// the round raises it for this gemeente or area (WBI T4-T5: more than 50,000 inhabitants on the CBS figure in force
    /// when the round was announced; WBI T3: a designated housing-market region; VHF: a stedelijk focusgebied).
    /// </summary>
    public static (int Homes, string Why) MinimumFor(FundingRuleSet rules, Regeling regeling, AdmissionContext context)
    {
        var required = regeling == Regeling.Wbi
            ? new WbiProjectNeedsMinimumHomesRule(0, rules.MinimumHomes, context.ApplicantPopulation, context.AreaIsInDesignatedHousingMarketRegion).RequiredMinimum
            : new VhfProjectNeedsMinimumHomesRule(0, rules.MinimumHomes, context.AreaIsStedelijkFocusgebied).RequiredMinimum;
        if (required <= rules.MinimumHomes.Homes)
        {
            return (rules.MinimumHomes.Homes, "van de ronde");
        }

        var why = rules.MinimumHomes.InhabitantsThreshold is { } threshold && required == rules.MinimumHomes.HomesAboveThreshold && context.ApplicantPopulation is { } population
            ? $"van de ronde voor een gemeente met meer dan {threshold.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} inwoners (volgens het CBS {population.Inhabitants.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} bij de aankondiging van de ronde)"
            : "dat de ronde voor dit project stelt";
        return (required, why);
    }

    public static (Money Amount, List<VaststellingLine> Lines) Compute(AwardConditions conditions, FundingRuleSet rules, HomesByCategory completed, Money spent, (int Homes, string Why) minimumHomes)
    {
        var lines = new List<VaststellingLine>
        {
            new("toegekend", $"Toegekend volgens de voorwaarden (versie {conditions.Version}): {AfterAwardLabels.Money(conditions.Amount.Euros)} voor {conditions.Homes.Total} woningen.", conditions.Amount.Euros, $"Voorwaarden versie {conditions.Version}"),
        };
        var minimum = minimumHomes.Homes;
        if (completed.Total < minimum)
        {
            lines.Add(new("minimum-woningen", $"Gereed: {completed.Total} woningen, minder dan het minimum van {minimum} {minimumHomes.Why}: geen recht op de uitkering.", 0m, rules.MinimumHomes.Source));
            return (Money.Zero, lines);
        }

        lines.Add(new("minimum-woningen", $"Gereed: {completed.Total} woningen, ten minste het minimum van {minimum} {minimumHomes.Why}.", null, rules.MinimumHomes.Source));

        if (rules.AffordableShareMinimum is { } share && completed.Total > 0)
        {
            var realised = (decimal)completed.Affordable / completed.Total;
            if (realised < share.Value)
            {
                lines.Add(new("betaalbaar-aandeel",
                    $"Betaalbaar gereed: {completed.Affordable} van {completed.Total} woningen ({realised.ToString("P1", CultureInfo.GetCultureInfo("nl-NL"))}), minder dan {share.Value.ToString("P0", CultureInfo.GetCultureInfo("nl-NL"))}: geen recht op de uitkering.",
                    0m, share.Source));
                return (Money.Zero, lines);
            }

            lines.Add(new("betaalbaar-aandeel", $"Betaalbaar gereed: {completed.Affordable} van {completed.Total} woningen ({realised.ToString("P1", CultureInfo.GetCultureInfo("nl-NL"))}), ten minste {share.Value.ToString("P0", CultureInfo.GetCultureInfo("nl-NL"))}.", null, share.Source));
        }

        var amount = conditions.Amount;
        if (completed.Total < conditions.Homes.Total && conditions.Homes.Total > 0)
        {
            amount = new Money(decimal.Round(conditions.Amount.Euros * completed.Total / conditions.Homes.Total, 2, MidpointRounding.ToZero));
            lines.Add(new("naar-rato", $"Gereed: {completed.Total} van {conditions.Homes.Total} woningen: {AfterAwardLabels.Money(conditions.Amount.Euros)} × {completed.Total}/{conditions.Homes.Total} = {AfterAwardLabels.Money(amount.Euros)}.", amount.Euros, ProRataSource));
        }
        else
        {
            lines.Add(new("naar-rato", $"Gereed: {completed.Total} van {conditions.Homes.Total} woningen: het volledige bedrag.", amount.Euros, ProRataSource));
        }

        if (spent < amount)
        {
            amount = spent;
            lines.Add(new("besteed", $"Besteed: {AfterAwardLabels.Money(spent.Euros)}, minder dan {AfterAwardLabels.Money(lines[^1].Amount ?? 0m)}: vastgesteld op het bestede bedrag.", amount.Euros, SpentSource));
        }

        lines.Add(new("vastgesteld", $"Vastgesteld: {AfterAwardLabels.Money(amount.Euros)}.", amount.Euros, "Uitkomst van de berekening"));
        return (amount, lines);
    }
}

/// <summary>Marks that the vaststelling with its computation is being recorded, so the definition's <c>vaststellen</c> it fires is allowed.</summary>
internal sealed class VaststellingScope
{
    public bool Active { get; set; }
}

/// <summary>
/// The definition's <c>vaststellen</c> records a besluit of type <c>vaststelling</c>. For an award with after-award
/// records that besluit is only taken with its computation (the vaststelling endpoint or page, which fires it); fired
/// on its own it is refused, so no award is ever set twice or without the computation.
/// </summary>
internal sealed class VaststellingDecisionGuard(CaseworkDbContext db, VaststellingScope scope) : IDecisionEffect
{
    public async ValueTask ApplyAsync(CaseFile caseFile, string besluitType, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (besluitType != "vaststelling" || scope.Active || !await db.Set<AwardConditions>().AnyAsync(c => c.ApplicationId == caseFile.Id, ct))
        {
            return;
        }

        throw AfterAwardService.Broken("VASTSTELLING-MET-BEREKENING",
            "Stel de uitkering vast met de berekening uit de verantwoording (POST /api/v1/applications/{id}/vaststelling of de pagina van de toekenning); dan volgt zo nodig de terugvordering.",
            "(ontwerpkeuze) één vaststelling per toekenning, met de berekening");
    }
}

internal sealed class SetVaststellingHandler(
    CaseworkDbContext db,
    ICurrentActor current,
    AfterAwardService service,
    RoundLedger ledger,
    CaseTransitions transitions,
    VaststellingScope scope,
    IEnumerable<ILetterWriter> letters,
    AuditTrail audit,
    AdmissionContextLoader admissionContext) : ICommandHandler<SetVaststellingCommand, AfterAwardDto>
{
    public async ValueTask<AfterAwardDto> Handle(SetVaststellingCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForDepartmentAsync(command.Id, actor, cancellationToken);
        if (await db.Set<Vaststelling>().AnyAsync(v => v.ApplicationId == application.Id, cancellationToken))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "De uitkering van deze toekenning is al vastgesteld; een tweede vaststelling is niet mogelijk.",
                new Dictionary<string, object?> { ["ruleCode"] = "AL-VASTGESTELD" });
        }

        var request = command.Request!;
        var today = service.Today;
        var sent = request.Verzenddatum!.Value;
        var conditions = await service.CurrentConditionsAsync(application.Id, cancellationToken);
        if (sent < conditions.ValidFrom)
        {
            throw AfterAwardService.Broken("VERZENDDATUM-VOOR-VOORWAARDEN", $"De verzenddatum {DutchDate.WithWeekday(sent)} ligt vóór de voorwaarden waarop wordt vastgesteld ({DutchDate.WithWeekday(conditions.ValidFrom)}).", "Awb 3:41 lid 1");
        }

        if (sent > today.AddMonths(3))
        {
            throw AfterAwardService.Broken("VERZENDDATUM-TE-VER", $"De verzenddatum {DutchDate.WithWeekday(sent)} ligt meer dan drie maanden na vandaag; een besluit wordt verzonden als het is genomen.", "(ontwerpkeuze) Awb 3:41 lid 1: een besluit wordt bekendgemaakt door toezending");
        }

        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);
        var years = await db.Set<SisaVerantwoording>().Where(s => s.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var reported = years.Where(y => y.Status == SisaYearStatus.Verantwoord).ToList();
        var completed = request.Completed?.ToDomain() ?? new HomesByCategory(
            reported.Sum(y => y.CompletedSocialeHuur), reported.Sum(y => y.CompletedMiddenhuur), reported.Sum(y => y.CompletedBetaalbareKoop), reported.Sum(y => y.CompletedOther));
        var spent = request.Spent is { } s ? new Money(s) : reported.Aggregate(Money.Zero, (sum, y) => sum + y.Spent);
        var admission = await admissionContext.LoadAsync(application, application.SubmittedAt ?? service.Now, cancellationToken);
        var minimum = VaststellingComputation.MinimumFor(tranche.RuleSet, application.Regeling, admission);
        var (amount, lines) = VaststellingComputation.Compute(conditions, tranche.RuleSet, completed, spent, minimum);

        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var reclaims = await db.Set<Reclamation>().AsNoTracking().Where(r => r.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var paid = payments.Aggregate(Money.Zero, (sum, p) => sum + p.Paid) - reclaims.Aggregate(Money.Zero, (sum, r) => sum + r.Amount);

        await ledger.RecordVaststellingAsync(application.TrancheId, amount, cancellationToken);

        // The besluit: through the definition's vaststellen where the case lies there (it closes the case), else recorded here.
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var reclaim = paid > amount ? paid - amount : Money.Zero;
        CaseDecision decision;
        if (transitions.OfferedNow(caseFile, "vaststellen") is { } action)
        {
            var data = new Dictionary<string, JsonElement>
            {
                ["resultaat"] = JsonSerializer.SerializeToElement(reclaim > Money.Zero ? "teruggevorderd" : "verantwoord"),
                ["vastgesteldBedrag"] = JsonSerializer.SerializeToElement(amount.Euros),
                ["verzenddatum"] = JsonSerializer.SerializeToElement(sent.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            };
            scope.Active = true;
            await transitions.FireAsync(caseFile, actor, action, new ActionInput(reason, data), cancellationToken);
            scope.Active = false;
            decision = db.ChangeTracker.Entries<CaseDecision>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseFile.Id).Select(e => e.Entity).Last();
        }
        else
        {
            decision = CaseDecision.Record(Guid.NewGuid(), caseFile.Id, "vaststelling", "vaststellingMetBerekening", today, sent, actor.UserId, reason, service.Now);
            db.Decisions.Add(decision);
        }

        var vaststelling = new Vaststelling(application.Id, amount, conditions.Amount, paid, JsonSerializer.Serialize(lines, JsonSerializerOptions.Web), sent, decision.Id, actor.UserId, service.Now);
        db.Add(vaststelling);

        // What was still open after the award lapses: the milestones are settled by this besluit, the open SiSa years end.
        foreach (var milestone in await db.Set<AwardMilestone>().Where(m => m.ApplicationId == application.Id).ToListAsync(cancellationToken))
        {
            if (!milestone.IsSettled)
            {
                milestone.Judge(MilestoneStatus.Vastgesteld, "Afgehandeld met de vaststelling", actor.UserId, service.Now);
                AfterAwardService.StopIfOpen(await service.DeadlineAsync(milestone.DeadlineId, cancellationToken));
            }
        }

        foreach (var year in years.Where(y => y.Status == SisaYearStatus.Open))
        {
            year.Lapse("afgehandeld met de vaststelling");
            AfterAwardService.StopIfOpen(await service.DeadlineAsync(year.DeadlineId, cancellationToken));
        }

        var bezwaar = await service.StartDeadlineAsync(caseFile.Id, TermKinds.Bezwaartermijn, sent, null, null, cancellationToken);
        var writer = letters.OfType<LetterWriter>().Single();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vastgesteldBedrag"] = LetterWriter.Money(amount.Euros),
            ["toegekendBedrag"] = LetterWriter.Money(conditions.Amount.Euros),
            ["betaaldBedrag"] = LetterWriter.Money(paid.Euros),
            ["terugTeBetalen"] = LetterWriter.Money(reclaim.Euros),
            ["berekening"] = string.Join(" ", lines.Select(l => l.Description)),
            ["motivering"] = reason ?? string.Empty,
        };
        var flags = new List<string> { reclaim > Money.Zero ? "terugvordering" : "geenTerugvordering" };
        if (reason is not null)
        {
            flags.Add("toelichting");
        }

        await writer.WriteDecisionLetterAsync(caseFile, "vaststelling", sent, values, flags, actor, cancellationToken);
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "aanvraag.vastgesteld", "vaststelling", vaststelling.Id.ToString(), "ok", null,
            new { vastgesteld = amount.Euros, toegekend = conditions.Amount.Euros, betaald = paid.Euros, berekening = lines }, reason, cancellationToken);
        await audit.AppendAsync(TrancheAudit.Stream(application.TrancheId), actor, "ronde.vaststellingGeregistreerd", "vaststelling", vaststelling.Id.ToString(), "ok", null,
            new { aanvraag = application.Id, vastgesteld = amount.Euros }, reason, cancellationToken);

        if (reclaim > Money.Zero)
        {
            // Never more than was paid: the reclaim is what was paid less the definitive amount, and the ledger checks it again.
            await ledger.ReclaimAsync(application.TrancheId, reclaim, cancellationToken);
            var reclamation = new Reclamation(application.Id, reclaim, $"Terugvordering na vaststelling op {AfterAwardLabels.Money(amount.Euros)}", actor.UserId, service.Now);
            db.Add(reclamation);
            var reclaimDecision = CaseDecision.Record(Guid.NewGuid(), caseFile.Id, "terugvordering", "vaststellingMetBerekening", today, sent, actor.UserId, reason, service.Now);
            db.Decisions.Add(reclaimDecision);
            var payBy = await service.StartDeadlineAsync(caseFile.Id, TermKinds.Terugbetalingstermijn, sent, null, null, cancellationToken);
            values["betalenUiterlijk"] = LetterPdf.Dutch(payBy.CurrentDueDate);
            var letter = await writer.WriteDecisionLetterAsync(caseFile, "terugvordering", sent, values, [], actor, cancellationToken);
            var terugvordering = new Terugvordering(application.Id, vaststelling.Id, reclaim, reclamation.Id, sent, bezwaar.CurrentDueDate, payBy.CurrentDueDate, reclaimDecision.Id, letter, service.Now);
            db.Add(terugvordering);
            var reclaimValues = new { terugvorderingId = reclamation.Id, bedrag = reclaim.Euros, betalenUiterlijk = payBy.CurrentDueDate, bezwaarUiterlijk = bezwaar.CurrentDueDate };
            await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "aanvraag.terugvorderingGeregistreerd", "terugvordering", reclamation.Id.ToString(), "ok", null, reclaimValues, reclamation.Reason, cancellationToken);
            await audit.AppendAsync(TrancheAudit.Stream(application.TrancheId), actor, "ronde.terugvorderingGeregistreerd", "terugvordering", reclamation.Id.ToString(), "ok", null, reclaimValues, reclamation.Reason, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await AfterAwardReader.ReadAsync(db, caseFile, today, cancellationToken))!;
    }
}
