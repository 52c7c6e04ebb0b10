using System.Globalization;
using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Domain.Time;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Meetings;
using Casework.Web.Features.Workflows;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>A half year of the voortgangsrapportage: 1 January-30 June (H1) or 1 July-31 December (H2).</summary>
public sealed record HalfYear(int Year, int Half)
{
    public DateOnly First => new(Year, Half == 1 ? 1 : 7, 1);

    public DateOnly Last => Half == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Half}");

    public string Label => Half == 1 ? $"1 januari tot en met 30 juni {Year}" : $"1 juli tot en met 31 december {Year}";

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    public bool Contains(DateTimeOffset instant) => Contains(AmsterdamClock.ToLocalDate(instant));

    /// <summary><c>2024-H1</c> or <c>2024-H2</c>; null for anything else.</summary>
    public static HalfYear? Parse(string? code)
    {
        if (code is null || code.Length != 7 || code[4] != '-' || code[5] != 'H' || code[6] is not ('1' or '2')
            || !int.TryParse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            return null;
        }

        return new HalfYear(year, code[6] - '0');
    }

    public static HalfYear Of(DateOnly date) => new(date.Year, date.Month <= 6 ? 1 : 2);
}

/// <summary>Money of one regeling (or one round) for an area: applied for, awarded, paid to the gemeente, reclaimed.</summary>
public sealed record MoneyFiguresDto(int Applications, decimal AppliedFor, decimal Awarded, decimal Paid, decimal Reclaimed)
{
    public static MoneyFiguresDto Zero { get; } = new(0, 0m, 0m, 0m, 0m);

    public MoneyFiguresDto Plus(MoneyFiguresDto other) =>
        new(Applications + other.Applications, AppliedFor + other.AppliedFor, Awarded + other.Awarded, Paid + other.Paid, Reclaimed + other.Reclaimed);
}

/// <summary>The money of an area in one round.</summary>
public sealed record RoundMoneyDto(Guid TrancheId, Regeling Regeling, string Round, MoneyFiguresDto Money);

/// <summary>A knelpunt or vastloper raised from the area: where it stands, at which level, how old it is.</summary>
public sealed record EscalationItemDto(
    Guid Id,
    string Reference,
    string Type,
    string Title,
    string Level,
    string StateLabel,
    bool Closed,
    string? Outcome,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    int AgeInDays,
    bool Escalated)
{
    /// <summary>Opened in the period (over all years: always).</summary>
    public bool OpenedInPeriod { get; init; }

    /// <summary>Closed in the period.</summary>
    public bool ResolvedInPeriod { get; init; }

    /// <summary>Reached BRSD or the bestuurlijk overleg in the period.</summary>
    public bool EscalatedInPeriod { get; init; }

    /// <summary>Still open at the end of the period.</summary>
    public bool OpenAtEnd { get; init; }
}

/// <summary>A meeting that dealt with one of the area's knelpunten or vastlopers; <c>decisions</c> are those about the area.</summary>
public sealed record MeetingDealtDto(Guid Id, string BodyCode, string Body, string Title, DateOnly Date, int Items, IReadOnlyList<MeetingDecisionDto> Decisions);

/// <summary>One decision of a meeting on an agenda item (a case of the area).</summary>
public sealed record MeetingDecisionDto(Guid MeetingId, string Body, DateOnly MeetingDate, string CaseReference, string Besluit, DateTimeOffset DecidedAt);

/// <summary>Opened, resolved and escalated in the period (or ever), and still open at its end.</summary>
public sealed record EscalationCountsDto(int Opened, int Resolved, int Escalated, int Open)
{
    /// <summary>The counts of these cases (each case once, however many areas it came from).</summary>
    public static EscalationCountsDto Of(IEnumerable<EscalationItemDto> items)
    {
        var list = items.DistinctBy(i => i.Id).ToList();
        return new(list.Count(i => i.OpenedInPeriod), list.Count(i => i.ResolvedInPeriod), list.Count(i => i.EscalatedInPeriod), list.Count(i => i.OpenAtEnd));
    }
}

/// <summary>
/// The figures of one focusgebied, over all time or one half year: the one source of the overview, the focusgebied
/// page, the API and the voortgangsrapportage, so they cannot disagree.
/// </summary>
public sealed record AreaFiguresDto(
    string Code,
    string Name,
    string GemeenteCode,
    string GemeenteName,
    string AllianceCode,
    string AllianceName,
    string? RijksvertegenwoordigerDepartment,
    string? RijksvertegenwoordigerDepartmentName,
    MoneyFiguresDto Vhf,
    MoneyFiguresDto Wbi,
    MoneyFiguresDto Total,
    IReadOnlyList<RoundMoneyDto> Rounds,
    EscalationCountsDto Knelpunten,
    EscalationCountsDto Vastlopers,
    IReadOnlyList<EscalationItemDto> Escalations,
    IReadOnlyList<MeetingDealtDto> Meetings);

/// <summary>
/// Reads the programme's own rows (applications, payments, reclaims, knelpunten, vastlopers, meetings) and groups
/// them by focusgebied. An application belongs to the one focusgebied it names, so a joint (regio) application with
/// several gemeenten counts once; its money comes from the rows the ledger was booked from (the award, each payment,
/// each reclaim). A knelpunt may name several focusgebieden and then counts in each (but once in the programme total).
/// </summary>
internal sealed class ProgrammeFigures(CaseworkDbContext db, CaseTransitions transitions)
{
    public async Task<IReadOnlyList<AreaFiguresDto>> LoadAsync(HalfYear? period, string? onlyCode, DateTimeOffset now, CancellationToken ct)
    {
        var areas = await db.Focusgebieden.AsNoTracking().Where(f => onlyCode == null || f.Code == onlyCode).ToListAsync(ct);
        if (areas.Count == 0)
        {
            return [];
        }

        var codes = areas.Select(a => a.Code).ToList();
        var orgCodes = areas.SelectMany(a => new[] { a.GemeenteCode, a.AllianceCode, a.RijksvertegenwoordigerDepartment ?? string.Empty }).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgCodes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct);

        var applications = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.FocusgebiedCode != null && codes.Contains(a.FocusgebiedCode))
            .ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var payments = (await db.Set<Payment>().AsNoTracking().Where(p => ids.Contains(p.ApplicationId)).ToListAsync(ct)).ToLookup(p => p.ApplicationId);
        var reclaims = (await db.Set<Reclamation>().AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct)).ToLookup(r => r.ApplicationId);
        var tranches = await db.Set<Tranche>().AsNoTracking().ToDictionaryAsync(t => t.Id, ct);

        var knelpunten = await db.Set<Knelpunt>().AsNoTracking().ToListAsync(ct);
        var alliances = await AlliancesAsync(db, ct);
        var vastlopers = await db.Set<Vastloper>().AsNoTracking().Where(v => codes.Contains(v.FocusgebiedCode)).ToListAsync(ct);
        var caseIds = knelpunten.Select(k => k.CaseId).Concat(vastlopers.Select(v => v.CaseId)).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(i => caseIds.Contains(i.CaseId)).ToListAsync(ct);
        var meetingIds = items.Select(i => i.MeetingId).Distinct().ToList();
        var meetings = await db.Set<Meeting>().AsNoTracking().IgnoreAutoIncludes().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);

        var periodEnd = period is null ? now : AmsterdamClock.StartOfNextDayUtc(period.Last);
        var result = new List<AreaFiguresDto>();
        foreach (var area in areas.OrderBy(a => a.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), false)))
        {
            var own = applications.Where(a => a.FocusgebiedCode == area.Code).ToList();
            var rounds = own
                .GroupBy(a => a.TrancheId)
                .Select(g => new RoundMoneyDto(g.Key, tranches[g.Key].Regeling, tranches[g.Key].Name, Money(g, payments, reclaims, period)))
                .Where(r => r.Money != MoneyFiguresDto.Zero)
                .OrderBy(r => r.Regeling).ThenBy(r => tranches[r.TrancheId].OpensAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.Round, StringComparer.Ordinal)
                .ToList();
            var vhf = Sum(rounds.Where(r => r.Regeling == Regeling.Vhf));
            var wbi = Sum(rounds.Where(r => r.Regeling == Regeling.Wbi));

            var escalationCases = knelpunten.Where(k => AreasOf(k, alliances).Contains(area.Code)).Select(k => cases[k.CaseId])
                .Concat(vastlopers.Where(v => v.FocusgebiedCode == area.Code).Select(v => cases[v.CaseId]))
                .Where(c => c.CreatedAt < periodEnd)
                .ToList();
            var escalations = escalationCases
                .Select(c => Item(c, period, periodEnd))
                .OrderBy(e => e.Closed).ThenBy(e => e.OpenedAt)
                .ToList();
            var areaCaseIds = escalationCases.Select(c => c.Id).ToHashSet();
            var dealt = items.Where(i => areaCaseIds.Contains(i.CaseId) && meetings.ContainsKey(i.MeetingId))
                .GroupBy(i => i.MeetingId)
                .Select(g => meetings[g.Key])
                .Where(m => period is null ? m.Date <= AmsterdamClock.ToLocalDate(now) : period.Contains(m.Date))
                .Select(m =>
                {
                    var mine = items.Where(i => i.MeetingId == m.Id && areaCaseIds.Contains(i.CaseId)).ToList();
                    var decisions = mine.Where(i => i.Besluit is not null && i.DecidedAt is { } at && (period is null || period.Contains(at)))
                        .OrderBy(i => i.DecidedAt)
                        .Select(i => new MeetingDecisionDto(m.Id, MeetingBodies.DisplayName(m.BodyCode), m.Date, i.CaseReference, i.Besluit!, i.DecidedAt!.Value))
                        .ToList();
                    return new MeetingDealtDto(m.Id, m.BodyCode, MeetingBodies.DisplayName(m.BodyCode), m.Title, m.Date, mine.Count, decisions);
                })
                .OrderByDescending(m => m.Date)
                .ToList();

            result.Add(new AreaFiguresDto(
                area.Code,
                area.Name,
                area.GemeenteCode,
                names.GetValueOrDefault(area.GemeenteCode, area.GemeenteCode),
                area.AllianceCode,
                names.GetValueOrDefault(area.AllianceCode, area.AllianceCode),
                area.RijksvertegenwoordigerDepartment,
                area.RijksvertegenwoordigerDepartment is { } dep ? names.GetValueOrDefault(dep, dep) : null,
                vhf,
                wbi,
                vhf.Plus(wbi),
                rounds,
                EscalationCountsDto.Of(escalations.Where(e => e.Type == "knelpunt")),
                EscalationCountsDto.Of(escalations.Where(e => e.Type == "vastloper")),
                escalations,
                dealt));
        }

        return result;
    }

    /// <summary>Each alliance's focusgebied (an alliance speaks for one area).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AlliancesAsync(CaseworkDbContext db, CancellationToken ct) =>
        await db.Focusgebieden.AsNoTracking().ToDictionaryAsync(f => f.AllianceCode, f => f.Code, StringComparer.Ordinal, ct);

    /// <summary>
    /// The focusgebieden a knelpunt was raised from: those it names, and the area of the alliance that raised it
    /// (an alliance raises a knelpunt from its own area even when it names none).
    /// </summary>
    public static IReadOnlyList<string> AreasOf(Knelpunt k, IReadOnlyDictionary<string, string> alliances) =>
        alliances.TryGetValue(k.IndienerOrganisatie, out var own) && !k.Focusgebieden.Contains(own) ? [.. k.Focusgebieden, own] : k.Focusgebieden;

    private static MoneyFiguresDto Sum(IEnumerable<RoundMoneyDto> rounds) =>
        rounds.Aggregate(MoneyFiguresDto.Zero, (sum, r) => sum.Plus(r.Money));

    /// <summary>Within a half year: applied for when submitted in it, awarded when awarded in it, paid on a date in it, reclaimed when recorded in it.</summary>
    private static MoneyFiguresDto Money(IEnumerable<FundingApplication> applications, ILookup<Guid, Payment> payments, ILookup<Guid, Reclamation> reclaims, HalfYear? period)
    {
        var submitted = applications.Where(a => a.SubmittedAt is { } at && (period is null || period.Contains(at))).ToList();
        var list = applications.ToList();
        return new MoneyFiguresDto(
            submitted.Count,
            submitted.Sum(a => a.RequestedAmount.Euros),
            list.Where(a => a.AwardedAmount is not null && (period is null || (a.AwardedAt is { } at && period.Contains(at)))).Sum(a => a.AwardedAmount!.Value.Euros),
            list.SelectMany(a => payments[a.Id]).Where(p => period is null || period.Contains(p.PaidOnDate)).Sum(p => p.Paid.Euros),
            list.SelectMany(a => reclaims[a.Id]).Where(r => period is null || period.Contains(r.RecordedAt)).Sum(r => r.Amount.Euros));
    }

    /// <summary>The escalation levels in order; a case escalates when it reaches BRSD or the bestuurlijk overleg.</summary>
    private static readonly string[] LevelOrder = ["alliantie", "triage", "departement", MeetingBodies.Sbsd, MeetingBodies.Brsd, MeetingBodies.BestuurlijkOverleg];

    /// <summary>The level of each state the case passed through, in its pinned definition (read from the definition, never from a list of states).</summary>
    private List<(string Level, DateTimeOffset At)> Levels(CaseFile c)
    {
        var definition = transitions.DefinitionOf(c);
        return c.Statuses.OrderBy(s => s.Sequence).Select(s => (BodyAgenda.Level(definition, s.State), s.At)).ToList();
    }

    private static int Rank(string level) => Array.IndexOf(LevelOrder, level);

    /// <summary>When the case reached BRSD or the bestuurlijk overleg (each step up counts).</summary>
    private IEnumerable<DateTimeOffset> Escalations(CaseFile c)
    {
        var highest = -1;
        foreach (var (level, at) in Levels(c))
        {
            var rank = Rank(level);
            if (rank > highest)
            {
                if (rank >= Rank(MeetingBodies.Brsd) && highest >= 0)
                {
                    yield return at;
                }

                highest = rank;
            }
        }
    }

    /// <summary>The highest level the case reached, as people call it.</summary>
    private string Level(CaseFile c)
    {
        var levels = Levels(c);
        var highest = levels.Count == 0 ? "alliantie" : levels.MaxBy(l => Rank(l.Level)).Level;
        return LevelName(highest);
    }

    public static string LevelName(string level) => level switch
    {
        "alliantie" => "Alliantie",
        "triage" => "Triage SBSD",
        "departement" => "Departement",
        _ => MeetingBodies.DisplayName(level),
    };

    private EscalationItemDto Item(CaseFile c, HalfYear? period, DateTimeOffset periodEnd)
    {
        var closed = c.ClosedAt is { } at && at < periodEnd;
        var end = closed ? c.ClosedAt!.Value : periodEnd;
        bool In(DateTimeOffset instant) => period is null || period.Contains(instant);
        var escalations = Escalations(c).ToList();
        return new EscalationItemDto(
            c.Id,
            c.Reference,
            c.CaseType,
            c.Title,
            Level(c),
            c.StateLabel,
            closed,
            closed ? Outcome(c.Resultaat) : null,
            c.CreatedAt,
            closed ? c.ClosedAt : null,
            Math.Max(0, AmsterdamClock.ToLocalDate(end).DayNumber - AmsterdamClock.ToLocalDate(c.CreatedAt).DayNumber),
            escalations.Count > 0)
        {
            OpenedInPeriod = In(c.CreatedAt),
            ResolvedInPeriod = closed && In(c.ClosedAt!.Value),
            EscalatedInPeriod = escalations.Any(In),
            OpenAtEnd = !closed,
        };
    }

    /// <summary>A resultaat code (<c>opgelost-binnen-bestaande-ruimte</c>) as people read it.</summary>
    public static string? Outcome(string? resultaat)
    {
        if (string.IsNullOrWhiteSpace(resultaat))
        {
            return null;
        }

        var words = resultaat.Replace('-', ' ').Replace('_', ' ');
        return char.ToUpper(words[0], CultureInfo.GetCultureInfo("nl-NL")) + words[1..];
    }
}
