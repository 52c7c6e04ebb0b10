using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using DutchDate = Casework.Domain.Time.DutchDate;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>The gemeente's SiSa verantwoording of one budget year: closes that year and opens the next, until the project is completed or set.</summary>
public sealed record ReportSisaCommand(Guid Id, int Year, SisaReportRequest? Request) : ICommand<AfterAwardDto>;

/// <summary>The gemeente asks for uitstel of one year's verantwoording (Fvw art. 17b: before 1 July).</summary>
public sealed record RequestUitstelCommand(Guid Id, int Year, UitstelRequest? Request) : ICommand<AfterAwardDto>;

/// <summary>The department decides on a request for uitstel (within the configured term, two weeks by default).</summary>
public sealed record DecideUitstelCommand(Guid Id, int Year, UitstelDecisionRequest? Request) : ICommand<AfterAwardDto>;

/// <summary>The yearly figures of every award (the programme monitor reads them): optionally one budget year or one regeling.</summary>
public sealed record YearlyRealisationQuery(int? BudgetYear, string? Regeling) : IQuery<IReadOnlyList<YearlyRealisationDto>>;

internal static class SisaRules
{
    public const string Fvw17a = "Financiële-verhoudingswet art. 17a";
    public const string Fvw17b = "Financiële-verhoudingswet art. 17b";

    public static IRuleBuilderOptions<T, HomesDto?> ValidHomes<T>(this IRuleBuilder<T, HomesDto?> rule) =>
        rule.Must(h => h is null || (h.SocialeHuur >= 0 && h.Middenhuur >= 0 && h.BetaalbareKoop >= 0 && h.Other >= 0 && (long)h.SocialeHuur + h.Middenhuur + h.BetaalbareKoop + h.Other <= 1_000_000));

    public static HomesByCategory ToDomain(this HomesDto? h) => h is null ? new(0, 0, 0, 0) : new(h.SocialeHuur, h.Middenhuur, h.BetaalbareKoop, h.Other);
}

internal sealed class ReportSisaValidator : AbstractValidator<ReportSisaCommand>
{
    public ReportSisaValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de verantwoording als JSON.");
        RuleFor(c => c.Request!.Started).NotNull().ValidHomes().When(c => c.Request is not null)
            .OverridePropertyName("started").WithMessage("Vermeld per categorie hoeveel woningen dit jaar in aanbouw zijn genomen (geen negatieve aantallen).");
        RuleFor(c => c.Request!.Completed).NotNull().ValidHomes().When(c => c.Request is not null)
            .OverridePropertyName("completed").WithMessage("Vermeld per categorie hoeveel woningen dit jaar gereed zijn gekomen (geen negatieve aantallen).");
        RuleFor(c => c.Request!.Spent).NotNull().GreaterThanOrEqualTo(0).LessThan(10_000_000_000m).Must(a => a is null || decimal.Round(a.Value, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("spent").WithMessage("Vermeld het dit jaar bestede bedrag in euro's (niet negatief, ten hoogste 2 decimalen).");
    }
}

internal sealed class RequestUitstelValidator : AbstractValidator<RequestUitstelCommand>
{
    public RequestUitstelValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het verzoek om uitstel als JSON.");
        RuleFor(c => c.Request!.NewDate).NotNull().When(c => c.Request is not null)
            .OverridePropertyName("newDate").WithMessage("Vermeld tot welke datum u uitstel vraagt (jjjj-mm-dd).");
        RuleFor(c => c.Request!.Reason).NotEmpty().MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("Vermeld waarom u uitstel vraagt (ten hoogste 4000 tekens).");
    }
}

internal sealed class DecideUitstelValidator : AbstractValidator<DecideUitstelCommand>
{
    public DecideUitstelValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het besluit als JSON.");
        RuleFor(c => c.Request!.Granted).NotNull().When(c => c.Request is not null)
            .OverridePropertyName("granted").WithMessage("Kies of het uitstel wordt verleend (true) of geweigerd (false).");
        RuleFor(c => c.Request!.Reason).NotEmpty().When(c => c.Request is not null && c.Request.Granted == false)
            .OverridePropertyName("reason").WithMessage("Vermeld waarom het uitstel wordt geweigerd.");
        RuleFor(c => c.Request!.Reason).MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("De toelichting is ten hoogste 4000 tekens.");
    }
}

internal sealed class ReportSisaHandler(CaseworkDbContext db, ICurrentActor current, AfterAwardService service, AuditTrail audit) : ICommandHandler<ReportSisaCommand, AfterAwardDto>
{
    public async ValueTask<AfterAwardDto> Handle(ReportSisaCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForGemeenteAsync(command.Id, actor, cancellationToken);
        var year = await db.Set<SisaVerantwoording>().FirstOrDefaultAsync(s => s.ApplicationId == application.Id && s.BudgetYear == command.Year, cancellationToken)
            ?? throw ApiProblemException.NotFound($"De verantwoording over {command.Year}");
        if (year.Status != SisaYearStatus.Open)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De verantwoording over {command.Year} is al {AfterAwardLabels.SisaStatus(year.Status.ToString().ToLowerInvariant()).ToLowerInvariant()}.");
        }

        var today = service.Today;
        if (today.Year <= command.Year)
        {
            throw AfterAwardService.Broken("SISA-JAAR-NIET-VOORBIJ", $"Over {command.Year} verantwoordt u na afloop van dat jaar, vanaf 1 januari {command.Year + 1}.", SisaRules.Fvw17a);
        }

        var request = command.Request!;
        year.Report(request.Started.ToDomain(), request.Completed.ToDomain(), new Money(request.Spent!.Value), request.ProjectCompleted, today, actor.UserId);
        AfterAwardService.Close(await service.DeadlineAsync(year.DeadlineId, cancellationToken), today);

        int? next = null;
        if (!request.ProjectCompleted && !await service.IsVastgesteldAsync(application.Id, cancellationToken))
        {
            // The next budget year: its term runs to 15 July of the year after it (Fvw art. 17a).
            next = command.Year + 1;
            if (!await db.Set<SisaVerantwoording>().AnyAsync(s => s.ApplicationId == application.Id && s.BudgetYear == next, cancellationToken))
            {
                var deadline = await service.StartDeadlineAsync(caseFile.Id, TermKinds.SisaVerantwoording, new DateOnly(next.Value, 1, 1), null, null, cancellationToken);
                db.Add(new SisaVerantwoording(application.Id, next.Value, deadline.CurrentDueDate, deadline.Id));
            }
        }

        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "sisa.verantwoord", "sisa-verantwoording", year.Id.ToString(), "ok", null,
            new { jaar = command.Year, gestart = request.Started, gereed = request.Completed, besteed = request.Spent, projectGereed = request.ProjectCompleted, volgendJaar = next }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await AfterAwardReader.ReadAsync(db, caseFile, today, cancellationToken))!;
    }
}

internal sealed class RequestUitstelHandler(CaseworkDbContext db, ICurrentActor current, AfterAwardService service, AuditTrail audit, Microsoft.Extensions.Options.IOptions<AfterAwardOptions> options) : ICommandHandler<RequestUitstelCommand, AfterAwardDto>
{
    public async ValueTask<AfterAwardDto> Handle(RequestUitstelCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForGemeenteAsync(command.Id, actor, cancellationToken);
        var year = await db.Set<SisaVerantwoording>().FirstOrDefaultAsync(s => s.ApplicationId == application.Id && s.BudgetYear == command.Year, cancellationToken)
            ?? throw ApiProblemException.NotFound($"De verantwoording over {command.Year}");
        if (year.Status != SisaYearStatus.Open)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De verantwoording over {command.Year} staat niet meer open.");
        }

        if (year.Uitstel is not null)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"Voor de verantwoording over {command.Year} is al uitstel gevraagd.");
        }

        var today = service.Today;
        var firstJuly = new DateOnly(year.DueDate.Year, 7, 1);
        var request = command.Request!;
        var broken = new List<BrokenRule>();
        if (today >= firstJuly)
        {
            broken.Add(new BrokenRule("UITSTEL-NA-1-JULI",
                $"Een verzoek om uitstel van de verantwoording over {command.Year} moet vóór 1 juli {firstJuly.Year} zijn gedaan; vandaag is het {DutchDate.WithWeekday(today)}.",
                SisaRules.Fvw17b));
        }

        if (request.NewDate!.Value <= year.DueDate)
        {
            broken.Add(new BrokenRule("UITSTEL-NIET-LATER",
                $"De gevraagde datum {DutchDate.WithWeekday(request.NewDate.Value)} ligt niet na de uiterste datum {DutchDate.WithWeekday(year.DueDate)}.", SisaRules.Fvw17b));
        }

        if (request.NewDate.Value > year.DueDate.AddYears(1))
        {
            broken.Add(new BrokenRule("UITSTEL-TE-LANG",
                $"Uitstel tot {DutchDate.WithWeekday(request.NewDate.Value)} is meer dan een jaar na de uiterste datum {DutchDate.WithWeekday(year.DueDate)}.", "(ontwerpkeuze) uitstel van ten hoogste een jaar"));
        }

        if (broken.Count > 0)
        {
            throw new BusinessRuleViolationException(broken);
        }

        var decision = await service.StartDeadlineAsync(caseFile.Id, TermKinds.SisaUitstelBeslissing, today, TermLength.Weeks(options.Value.UitstelDecisionWeeks), null, cancellationToken);
        year.RequestUitstel(request.NewDate.Value, request.Reason!.Trim(), today, decision.CurrentDueDate);
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "sisa.uitstelGevraagd", "sisa-verantwoording", year.Id.ToString(), "ok", null,
            new { jaar = command.Year, gevraagdeDatum = request.NewDate, beslissenUiterlijk = decision.CurrentDueDate }, year.UitstelReason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await AfterAwardReader.ReadAsync(db, caseFile, today, cancellationToken))!;
    }
}

internal sealed class DecideUitstelHandler(CaseworkDbContext db, ICurrentActor current, AfterAwardService service, AuditTrail audit) : ICommandHandler<DecideUitstelCommand, AfterAwardDto>
{
    public async ValueTask<AfterAwardDto> Handle(DecideUitstelCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForDepartmentAsync(command.Id, actor, cancellationToken);
        var year = await db.Set<SisaVerantwoording>().FirstOrDefaultAsync(s => s.ApplicationId == application.Id && s.BudgetYear == command.Year, cancellationToken)
            ?? throw ApiProblemException.NotFound($"De verantwoording over {command.Year}");
        if (year.Uitstel != UitstelStatus.Aangevraagd)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"Voor de verantwoording over {command.Year} wacht geen verzoek om uitstel op een besluit.");
        }

        var today = service.Today;
        var decisionTerm = await db.Deadlines.FirstOrDefaultAsync(d => d.CaseId == caseFile.Id && d.KindId == TermKinds.SisaUitstelBeslissing.Id && d.Status == DeadlineStatus.Running, cancellationToken);
        AfterAwardService.Close(decisionTerm, today);
        var granted = command.Request!.Granted!.Value;
        Guid? newDeadline = null;
        if (granted)
        {
            var old = await service.DeadlineAsync(year.DeadlineId, cancellationToken);
            AfterAwardService.StopIfOpen(old);
            var newDate = year.UitstelRequestedDate!.Value;
            var from = today < newDate ? today : newDate.AddDays(-1);
            var term = await service.StartDeadlineAsync(caseFile.Id, TermKinds.SisaUitstel, from, TermLength.Days(newDate.DayNumber - from.DayNumber), null, cancellationToken);
            newDeadline = term.Id;
        }

        year.DecideUitstel(granted, string.IsNullOrWhiteSpace(command.Request.Reason) ? null : command.Request.Reason.Trim(), actor.UserId, newDeadline);
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, granted ? "sisa.uitstelVerleend" : "sisa.uitstelGeweigerd", "sisa-verantwoording", year.Id.ToString(), "ok", null,
            new { jaar = command.Year, uiterlijk = year.DueDate }, year.UitstelDecisionReason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await AfterAwardReader.ReadAsync(db, caseFile, today, cancellationToken))!;
    }
}

/// <summary>
/// The yearly figures: one row per award and budget year, reported or not (status says which), for the ministry side
/// (VRO, the auditor, the beheerder). A gemeente reads its own through the award.
/// </summary>
internal sealed class YearlyRealisationHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<YearlyRealisationQuery, IReadOnlyList<YearlyRealisationDto>>
{
    public async ValueTask<IReadOnlyList<YearlyRealisationDto>> Handle(YearlyRealisationQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var ministry = actor.Roles.Contains(Role.Auditor) || actor.Roles.Contains(Role.Beheerder) || (actor.Organisation == AfterAwardService.Department && actor.Roles.Contains(Role.Beoordelaar));
        if (!ministry)
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "De jaarcijfers van alle toekenningen zijn voor het ministerie en de auditor.");
        }

        Regeling? regeling = query.Regeling is not null && Enum.TryParse<Regeling>(query.Regeling, ignoreCase: true, out var r) ? r : null;

        var rows = from s in db.Set<SisaVerantwoording>().AsNoTracking()
                   join a in db.Set<FundingApplication>().AsNoTracking() on s.ApplicationId equals a.Id
                   join c in db.Cases.AsNoTracking().IgnoreAutoIncludes() on a.Id equals c.Id
                   join t in db.Set<Tranche>().AsNoTracking() on a.TrancheId equals t.Id
                   join o in db.Organisations.AsNoTracking() on c.OwningOrganisation equals o.Code into orgs
                   from o in orgs.DefaultIfEmpty()
                   select new { s, a.Regeling, c.Reference, Round = t.Name, Gemeente = o == null ? c.OwningOrganisation : o.Name };
        if (query.BudgetYear is { } year)
        {
            rows = rows.Where(r => r.s.BudgetYear == year);
        }

        if (regeling is { } reg)
        {
            rows = rows.Where(r => r.Regeling == reg);
        }

        var list = await rows.ToListAsync(cancellationToken);
        return list
            .OrderBy(r => r.s.BudgetYear).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Select(r => new YearlyRealisationDto(
                r.s.ApplicationId, r.Reference, r.Regeling.ToString(), r.Round, r.Gemeente, r.s.BudgetYear,
                r.s.Status.ToString().ToLowerInvariant(), r.s.DueDate,
                AfterAwardReader.Homes(r.s.Started), AfterAwardReader.Homes(r.s.Completed), r.s.Spent.Euros, r.s.ReportedOn))
            .ToList();
    }
}

internal sealed class YearlyRealisationValidator : AbstractValidator<YearlyRealisationQuery>
{
    public YearlyRealisationValidator()
    {
        RuleFor(q => q.Regeling).Must(r => r is null || Enum.TryParse<Regeling>(r, ignoreCase: true, out _))
            .OverridePropertyName("regeling").WithMessage("Kies de regeling: Vhf of Wbi.");
        RuleFor(q => q.BudgetYear).InclusiveBetween(2000, 2100).When(q => q.BudgetYear is not null)
            .OverridePropertyName("budgetYear").WithMessage("Het begrotingsjaar ligt tussen 2000 en 2100.");
    }
}
