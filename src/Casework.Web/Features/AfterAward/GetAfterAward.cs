using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>Everything after the award of one application, with its timeline: whoever may see the case may read it.</summary>
public sealed record GetAfterAwardQuery(Guid Id) : IQuery<AfterAwardDto>;

internal sealed class GetAfterAwardHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time) : IQueryHandler<GetAfterAwardQuery, AfterAwardDto>
{
    public async ValueTask<AfterAwardDto> Handle(GetAfterAwardQuery query, CancellationToken cancellationToken)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.Id, current.Actor, cancellationToken, tracked: false, withHistory: false);
        return await AfterAwardReader.ReadAsync(db, caseFile, AmsterdamClock.Today(time), cancellationToken)
            ?? throw ApiProblemException.NotFound("De toekenning");
    }
}

/// <summary>Reads an award's after-award records into the overview (API and page share it).</summary>
internal static class AfterAwardReader
{
    public static async Task<AfterAwardDto?> ReadAsync(CaseworkDbContext db, CaseFile caseFile, DateOnly today, CancellationToken ct)
    {
        var id = caseFile.Id;
        var versions = await db.Set<AwardConditions>().AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.Version).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }

        var application = await db.Set<FundingApplication>().AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var milestones = await db.Set<AwardMilestone>().AsNoTracking().Where(m => m.ApplicationId == id).ToListAsync(ct);
        var years = await db.Set<SisaVerantwoording>().AsNoTracking().Where(s => s.ApplicationId == id).OrderBy(s => s.BudgetYear).ToListAsync(ct);
        var vaststelling = await db.Set<Vaststelling>().AsNoTracking().FirstOrDefaultAsync(v => v.ApplicationId == id, ct);
        var terugvordering = await db.Set<Terugvordering>().AsNoTracking().FirstOrDefaultAsync(t => t.ApplicationId == id, ct);
        var changes = await db.Set<Wijzigingsverzoek>().AsNoTracking().Where(w => w.ApplicationId == id).OrderBy(w => w.RequestedAt).ToListAsync(ct);
        var changeIds = changes.Select(c => c.Id).ToList();
        var changeCases = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => changeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var deadlineIds = milestones.Where(m => m.DeadlineId is not null).Select(m => m.DeadlineId!.Value).ToList();
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => deadlineIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationId == id).ToListAsync(ct);
        var reclaims = await db.Set<Reclamation>().AsNoTracking().Where(r => r.ApplicationId == id).ToListAsync(ct);
        var gemeente = Pages.Labels.Organisation(caseFile.OwningOrganisation, await db.Organisations.AsNoTracking().Where(o => o.Code == caseFile.OwningOrganisation).Select(o => o.Name).FirstOrDefaultAsync(ct));

        var conditionDtos = versions.Select(ToDto).ToList();
        var milestoneDtos = milestones.OrderBy(m => m.DueDate).Select(m => ToDto(m, m.DeadlineId is { } d && deadlines.TryGetValue(d, out var dl) ? dl : null)).ToList();
        var yearDtos = years.Select(y => ToDto(y, today)).ToList();
        var vaststellingDto = vaststelling is null ? null : ToDto(vaststelling);
        var terugvorderingDto = terugvordering is null ? null : new TerugvorderingDto(terugvordering.Id, terugvordering.Amount.Euros, terugvordering.Verzenddatum, terugvordering.BezwaarUiterlijk, terugvordering.BetalenUiterlijk, terugvordering.LetterDocumentId);
        var changeDtos = changes.Select(c =>
        {
            var cf = changeCases[c.Id];
            return new ChangeRequestDto(c.Id, cf.Reference, cf.State, cf.StateLabel, c.BasedOnVersion, c.ResultingVersion, c.Amount?.Euros, c.Homes is { } h ? Homes(h) : null,
                c.ProjectArea, c.StartBouwUiterlijk, c.GereedUiterlijk, c.Reason, c.RequestedAt);
        }).ToList();
        var ledger = new AwardLedgerDto(
            versions[^1].Amount.Euros,
            payments.Sum(p => p.AwardedPortion.Euros),
            payments.Sum(p => p.Paid.Euros),
            vaststelling?.Amount.Euros ?? 0m,
            reclaims.Sum(r => r.Amount.Euros));

        var timeline = new List<TimelineEntryDto>();
        foreach (var v in versions)
        {
            timeline.Add(new(v.ValidFrom, "voorwaarden", v.Version == 1 ? "Toegekend: voorwaarden versie 1" : $"Voorwaarden versie {v.Version}",
                $"{AfterAwardLabels.Money(v.Amount.Euros)}, {v.Homes.Total} woningen waarvan {v.Homes.Affordable} betaalbaar. {v.Reason}"));
        }

        foreach (var m in milestoneDtos)
        {
            timeline.Add(new(m.DueDate, "mijlpaal", $"{m.Label}: uiterlijk", Pages.Labels.Source(m.Source)));
            if (m.ReportedDate is { } reported)
            {
                timeline.Add(new(reported, "mijlpaal", $"{m.Label}: gemeld door de gemeente", m.ReportNote));
            }

            if (m.JudgedAt is { } judged)
            {
                timeline.Add(new(AmsterdamClock.ToLocalDate(judged), "mijlpaal", $"{m.Label}: {AfterAwardLabels.MilestoneStatus(m.Status).ToLowerInvariant()}", m.JudgementReason));
            }
        }

        foreach (var y in yearDtos)
        {
            timeline.Add(new(y.DueDate, "sisa", $"SiSa-verantwoording {y.BudgetYear}: uiterlijk", "Financiële-verhoudingswet art. 17a"));
            if (y.ReportedOn is { } on)
            {
                timeline.Add(new(on, "sisa", $"SiSa-verantwoording {y.BudgetYear} ingediend",
                    $"{Total(y.Started)} woningen gestart, {Total(y.Completed)} gereed, {AfterAwardLabels.Money(y.Spent ?? 0m)} besteed"));
            }

            if (y.Uitstel is { } u)
            {
                timeline.Add(new(u.RequestedOn, "sisa", $"Uitstel gevraagd voor de verantwoording {y.BudgetYear}", u.Reason));
            }
        }

        foreach (var p in payments)
        {
            timeline.Add(new(p.PaidOnDate, "betaling", "Betaald", AfterAwardLabels.Money(p.Paid.Euros)));
        }

        foreach (var r in reclaims)
        {
            timeline.Add(new(AmsterdamClock.ToLocalDate(r.RecordedAt), "terugvordering", "Teruggevorderd", $"{AfterAwardLabels.Money(r.Amount.Euros)}: {r.Reason}"));
        }

        foreach (var c in changeDtos)
        {
            timeline.Add(new(AmsterdamClock.ToLocalDate(c.RequestedAt), "wijziging", $"Wijzigingsverzoek {c.Reference}: {c.StateLabel.ToLowerInvariant()}", c.Reason));
        }

        if (vaststellingDto is not null)
        {
            timeline.Add(new(vaststellingDto.Verzenddatum, "vaststelling", "Uitkering vastgesteld", AfterAwardLabels.Money(vaststellingDto.Amount)));
        }

        if (terugvorderingDto is not null)
        {
            timeline.Add(new(terugvorderingDto.BetalenUiterlijk, "terugvordering", "Terugbetalen uiterlijk", AfterAwardLabels.Money(terugvorderingDto.Amount)));
        }

        var objections = await ObjectionReader.ForAsync(db, id, ct);
        foreach (var o in objections)
        {
            timeline.Add(new(o.ReceivedOn, "bezwaar", ObjectionReader.Describe(o), o.Reason));
        }

        return new AfterAwardDto(
            id,
            caseFile.Reference,
            caseFile.Title,
            application.Regeling.ToString(),
            gemeente,
            conditionDtos[^1],
            conditionDtos,
            milestoneDtos,
            yearDtos,
            vaststellingDto,
            terugvorderingDto,
            changeDtos,
            ledger,
            timeline.OrderBy(t => t.Date).ToList(),
            objections);
    }

    private static int Total(HomesDto? h) => h is null ? 0 : h.SocialeHuur + h.Middenhuur + h.BetaalbareKoop + h.Other;

    public static HomesDto Homes(HomesByCategory h) => new(h.SocialeHuur, h.Middenhuur, h.BetaalbareKoop, h.Other);

    public static AwardConditionsDto ToDto(AwardConditions c) => new(
        c.Version, c.Amount.Euros, Homes(c.Homes), c.Homes.Total, c.Homes.Affordable, c.ProjectArea, c.StartBouwUiterlijk, c.GereedUiterlijk, c.ValidFrom, c.Reason, c.ChangeCaseId);

    public static string StatusCode(MilestoneStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static MilestoneDto ToDto(AwardMilestone m, Deadline? deadline) => new(
        m.Id,
        m.Kind,
        MilestoneKinds.Label(m.Kind),
        deadline?.CurrentDueDate ?? m.DueDate,
        m.Source,
        StatusCode(m.Status),
        !m.IsSettled && deadline?.Status == DeadlineStatus.Expired,
        m.ReportedDate,
        m.Evidence,
        m.ReportNote,
        m.ReportedAt,
        m.JudgementReason,
        m.JudgedAt);

    public static SisaYearDto ToDto(SisaVerantwoording y, DateOnly today) => new(
        y.BudgetYear,
        y.DueDate,
        JsonNamingPolicy.CamelCase.ConvertName(y.Status.ToString()),
        y.Status == SisaYearStatus.Open && today > y.DueDate,
        y.ReportedOn is null ? null : Homes(y.Started),
        y.ReportedOn is null ? null : Homes(y.Completed),
        y.ReportedOn is null ? null : y.Spent.Euros,
        y.ProjectCompleted,
        y.ReportedOn,
        y.Uitstel is { } u
            ? new UitstelDto(JsonNamingPolicy.CamelCase.ConvertName(u.ToString()), y.UitstelRequestedOn!.Value, y.UitstelRequestedDate!.Value, y.UitstelReason!, y.UitstelDecideBy!.Value, y.UitstelDecisionReason)
            : null,
        y.ClosedReason);

    public static VaststellingDto ToDto(Vaststelling v) => new(
        v.Id, v.Amount.Euros, v.Awarded.Euros, v.Paid.Euros,
        (JsonSerializer.Deserialize<List<VaststellingLine>>(v.ComputationJson, JsonSerializerOptions.Web) ?? []).Select(l => new VaststellingLineDto(l.Rule, l.Description, l.Amount, l.Source)).ToList(),
        v.Verzenddatum, v.DecidedAt);
}

/// <summary>Whether the case is an award with after-award records (for the link on the case page).</summary>
public sealed record HasAfterAwardQuery(Guid Id) : IQuery<bool>;

internal sealed class HasAfterAwardHandler(CaseworkDbContext db) : IQueryHandler<HasAfterAwardQuery, bool>
{
    public async ValueTask<bool> Handle(HasAfterAwardQuery query, CancellationToken cancellationToken) =>
        await db.Set<AwardConditions>().AnyAsync(c => c.ApplicationId == query.Id, cancellationToken);
}

/// <summary>The documents of the award's dossier that the caller's organisation filed: what a milestone report may name as evidence.</summary>
public sealed record AwardEvidenceOptionsQuery(Guid Id) : IQuery<IReadOnlyList<KeyValuePair<Guid, string>>>;

internal sealed class AwardEvidenceOptionsHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<AwardEvidenceOptionsQuery, IReadOnlyList<KeyValuePair<Guid, string>>>
{
    public async ValueTask<IReadOnlyList<KeyValuePair<Guid, string>>> Handle(AwardEvidenceOptionsQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        await CaseAccess.LoadVisibleAsync(db, query.Id, actor, cancellationToken, tracked: false, withHistory: false);
        var documents = await db.Set<Domain.Documents.Document>().AsNoTracking()
            .Where(d => d.CaseId == query.Id && d.AuthorOrganisation == actor.Organisation)
            .Select(d => new { d.Id, d.Title, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return documents.OrderBy(d => d.CreatedAt).Select(d => KeyValuePair.Create(d.Id, d.Title)).ToList();
    }
}
