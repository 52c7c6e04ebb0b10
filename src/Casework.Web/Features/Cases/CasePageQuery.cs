using Casework.Domain.Organisations;
using Casework.Domain.Escalation;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.Applications;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Loading;
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
    HerstelTermPreviewDto HerstelTerm)
{
    /// <summary>Per agendering action (an input named <c>vergadering</c>): the body's planned meetings from today on.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CaseChoiceDto>> MeetingChoices { get; init; } = new Dictionary<string, IReadOnlyList<CaseChoiceDto>>();

    /// <summary>For an input naming another case (<c>duplicaatVan</c>): the open cases of the same type the caller may see.</summary>
    public IReadOnlyList<CaseChoiceDto> OtherOpenCases { get; init; } = [];
}

/// <summary>One option of a choice the page offers: the value the action takes and what a person reads.</summary>
public sealed record CaseChoiceDto(string Value, string Text);

public sealed record CaseDecisionDto(string BesluitType, string ActionId, DateOnly Date, DateOnly? SentDate, string DecidedBy, string? Toelichting);

public sealed record ScoringCriterionDto(string Name, decimal Weight, decimal MinScore, decimal MaxScore);

/// <summary>The standard hersteltermijn counted from today (the authority may set another length where the definition allows it).</summary>
public sealed record HerstelTermPreviewDto(string Name, string LegalSource, string? Length, DateOnly DueDate);

internal sealed class GetCasePageExtrasHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time, Deadlines.LegalCalendar calendars, DefinitionCatalog catalog) : IQueryHandler<GetCasePageExtrasQuery, CasePageExtrasDto>
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
            application = await ApplicationMapping.ToDtoAsync(db, row, caseFile, tranche, cancellationToken);
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
        // Departments too: the triage form offers them as the trekkend departement, by name.
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code) || o.Kind == OrganisationKind.Departement).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);

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
            new HerstelTermPreviewDto(kind.Name, kind.LegalSource, kind.Length?.ToString(), preview.CurrentDueDate))
        {
            MeetingChoices = await MeetingChoicesAsync(caseFile, cancellationToken),
            OtherOpenCases = await OtherOpenCasesAsync(caseFile, cancellationToken),
        };
    }

    /// <summary>The planned meetings of the body of each agendering action the case's definition has from its state.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<CaseChoiceDto>>> MeetingChoicesAsync(Domain.Cases.CaseFile caseFile, CancellationToken ct)
    {
        var actions = catalog.Find(caseFile.DefinitionId, caseFile.DefinitionVersion)?.Definition.Actions
            .Where(a => a.From.Contains(caseFile.State) && a.Body is not null && a.Input.Fields.Any(f => f.Name == Meetings.BodyAgenda.MeetingField))
            .ToList() ?? [];
        if (actions.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<CaseChoiceDto>>();
        }

        var bodies = actions.Select(a => a.Body!).Distinct().ToList();
        var today = AmsterdamClock.Today(time);
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Where(m => bodies.Contains(m.BodyCode) && m.Status == MeetingStatus.Gepland && m.Date >= today)
            .OrderBy(m => m.Date)
            .Select(m => new { m.Id, m.BodyCode, m.Title, m.Date })
            .ToListAsync(ct);
        return actions.ToDictionary(
            a => a.Id,
            a => (IReadOnlyList<CaseChoiceDto>)meetings.Where(m => m.BodyCode == a.Body)
                .Select(m => new CaseChoiceDto(m.Id.ToString(), m.Title.Contains(Pages.NlFormat.Date(m.Date), StringComparison.Ordinal) ? m.Title : $"{m.Title} ({Pages.NlFormat.Date(m.Date)})")).ToList());
    }

    private async Task<IReadOnlyList<CaseChoiceDto>> OtherOpenCasesAsync(Domain.Cases.CaseFile caseFile, CancellationToken ct)
    {
        var asksForCase = catalog.Find(caseFile.DefinitionId, caseFile.DefinitionVersion)?.Definition.Actions
            .Any(a => a.From.Contains(caseFile.State) && a.Input.Fields.Any(f => f.Name == Workflows.Guards.DuplicaatBestaatGuard.Field)) ?? false;
        if (!asksForCase)
        {
            return [];
        }

        var others = await db.Cases.AsNoTracking().VisibleTo(current.Actor)
            .Where(c => c.CaseType == caseFile.CaseType && !c.IsClosed && c.Id != caseFile.Id)
            .OrderByDescending(c => c.CreatedAt)
            .Take(200)
            .Select(c => new { c.Reference, c.Title })
            .ToListAsync(ct);
        return others.Select(c => new CaseChoiceDto(c.Reference, $"{c.Reference}: {c.Title}")).ToList();
    }
}
