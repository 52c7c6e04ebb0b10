using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.Applications;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

/// <summary>
/// What the case page shows beside the case itself and its history (which come from <see cref="GetCaseQuery"/> and
/// <see cref="GetCaseHistoryQuery"/>): organisation names, the decisions taken, and for an application its facts, the
/// round's scoring criteria and the hersteltermijn a herstelverzoek sent today would get. Scoped like every case query.
/// </summary>
public sealed record GetCasePageExtrasQuery(Guid CaseId) : IQuery<CasePageExtrasDto>;

/// <param name="Version">The case's version now (for a form's If-Match check before anything else is asked).</param>
public sealed record CasePageExtrasDto(
    int Version,
    DefinitionRefDto Definition,
    IReadOnlyDictionary<string, string> OrganisationNames,
    IReadOnlyList<CaseDecisionDto> Decisions,
    ApplicationDto? Application,
    IReadOnlyList<ScoringCriterionDto> Criteria,
    string? ScoringSource,
    HerstelTermPreviewDto HerstelTerm);

public sealed record CaseDecisionDto(string BesluitType, string ActionId, DateOnly Date, DateOnly? SentDate, string DecidedBy, string? Toelichting);

public sealed record ScoringCriterionDto(string Name, decimal Weight, decimal MinScore, decimal MaxScore);

/// <summary>The standard hersteltermijn counted from today (the authority may set another length where the definition allows it).</summary>
public sealed record HerstelTermPreviewDto(string Name, string LegalSource, string? Length, DateOnly DueDate);

internal sealed class GetCasePageExtrasHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time, Deadlines.LegalCalendar calendars) : IQueryHandler<GetCasePageExtrasQuery, CasePageExtrasDto>
{
    public async ValueTask<CasePageExtrasDto> Handle(GetCasePageExtrasQuery query, CancellationToken cancellationToken)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.CaseId, current.Actor, cancellationToken, tracked: false);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.CaseId == caseFile.Id).OrderBy(d => d.RecordedAt).ToListAsync(cancellationToken);

        ApplicationDto? application = null;
        IReadOnlyList<ScoringCriterionDto> criteria = [];
        string? scoringSource = null;
        var row = await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == caseFile.Id, cancellationToken);
        if (row is not null)
        {
            var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == row.TrancheId, cancellationToken);
            application = ApplicationMapping.ToDto(row, caseFile, tranche);
            var scheme = tranche.RuleSet.Scoring;
            criteria = scheme.Criteria.Select(c => new ScoringCriterionDto(c.Name, c.Weight, c.MinScore, c.MaxScore)).ToList();
            scoringSource = scheme.Source;
        }

        var codes = caseFile.Statuses.Select(s => s.ActorOrganisation)
            .Append(caseFile.OwningOrganisation)
            .Concat(caseFile.Members.Select(m => m.OrganisationCode))
            .Append(caseFile.RoutedTo ?? string.Empty)
            .Where(c => c.Length > 0)
            .Distinct()
            .ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);

        var kind = TermKinds.Get("hersteltermijn");
        var preview = Deadline.Start(caseFile.Id, kind, AmsterdamClock.Today(time), await calendars.GetAsync(db, cancellationToken));
        return new CasePageExtrasDto(
            caseFile.Version,
            new DefinitionRefDto(caseFile.DefinitionId, caseFile.DefinitionVersion),
            names,
            decisions.Select(d => new CaseDecisionDto(d.BesluitType, d.ActionId, d.Datum, d.Verzenddatum, d.DecidedBy, d.Toelichting)).ToList(),
            application,
            criteria,
            scoringSource,
            new HerstelTermPreviewDto(kind.Name, kind.LegalSource, kind.Length?.ToString(), preview.CurrentDueDate));
    }
}
