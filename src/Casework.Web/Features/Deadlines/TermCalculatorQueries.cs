using System.Globalization;
using Casework.Domain.Time;
using Casework.Web.Api;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Casework.Web.Features.Deadlines;

/// <summary>A term kind as the calculator knows it, with the rules that apply to it.</summary>
public sealed record TermKindDto(
    string Id,
    string Name,
    string? Length,
    string LegalSource,
    bool DesignChoice,
    string EventDescription,
    bool AtwApplies,
    bool SuspensionApplies,
    bool PostalWeekApplies,
    bool ExtendableByNotice,
    string? MaximumExtension,
    string? ExtensionSource,
    bool LengthIsConfigurable,
    int WarningLeadDays,
    string? Note);

/// <summary>A day that is no working day and pushed the end further (Algemene termijnenwet art. 1).</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it is no working day: the holiday's Dutch name, "gelijkgesteld met een algemeen erkende feestdag, &lt;besluit&gt;", or <c>weekend</c>.</param>
/// <param name="Holiday">True for a holiday of Atw art. 3, a day equated with one included (also when it falls on a weekend).</param>
/// <param name="Equated">True for a day equated with a holiday by a besluit gelijkstelling (Atw art. 3 lid 3).</param>
/// <param name="Source">The article, or for an equated day the title of its besluit; null for a weekend day.</param>
public sealed record NonWorkingDayDto(DateOnly Date, string Reason, bool Holiday, bool Equated, string? Source);

/// <summary>One step of the explanation, in Dutch.</summary>
public sealed record TermStepDto(TermStepKind Kind, DateOnly Date, string Text);

/// <summary>A suspension as used: the term does not run from <c>fromDate</c> up to (not including) <c>untilDate</c>.</summary>
public sealed record SuspensionDto(DateOnly FromDate, DateOnly UntilDate, int Days);

/// <summary>How a term's last day was reached.</summary>
/// <param name="Kind">The term kind.</param>
/// <param name="EventDate">The day of the event; it does not count.</param>
/// <param name="FirstDay">The first day of the term, the day after the event.</param>
/// <param name="Length">The length, e.g. <c>6 weken</c>; null for a fixed date.</param>
/// <param name="RawEndDate">The end by length alone.</param>
/// <param name="Suspensions">The suspensions applied (Awb 4:15).</param>
/// <param name="SuspendedDays">Days added for suspension.</param>
/// <param name="EndBeforeAtwDate">The end after suspension, before the Algemene termijnenwet.</param>
/// <param name="DueDate">The last day on which the act is in time.</param>
/// <param name="MovedByAtw">True when the Algemene termijnenwet moved the end.</param>
/// <param name="MovedOver">The non-working days the end was moved over, with their names.</param>
/// <param name="Steps">The explanation, step by step, in Dutch.</param>
/// <param name="LegalSource">The article(s) the term comes from.</param>
/// <param name="EquatedDaysKnown">False when the end falls in a year without a known besluit gelijkstelling (Atw art. 3 lid 3): the steps say so.</param>
/// <param name="UnknownEquatedYears">Those years.</param>
public sealed record TermCalculationDto(
    TermKindDto Kind,
    DateOnly EventDate,
    DateOnly FirstDay,
    string? Length,
    DateOnly RawEndDate,
    IReadOnlyList<SuspensionDto> Suspensions,
    int SuspendedDays,
    DateOnly EndBeforeAtwDate,
    DateOnly DueDate,
    bool MovedByAtw,
    IReadOnlyList<NonWorkingDayDto> MovedOver,
    IReadOnlyList<TermStepDto> Steps,
    string LegalSource,
    bool EquatedDaysKnown,
    IReadOnlyList<int> UnknownEquatedYears);

public sealed record ListTermKindsQuery : IQuery<IReadOnlyList<TermKindDto>>;

/// <summary>Raw query input: parsed by the validator so that a bad value is a 400 naming its field.</summary>
public sealed record CalculateTermQuery(string Kind, string? Start, IReadOnlyList<string> Suspensions) : IQuery<TermCalculationDto>;

internal sealed class CalculateTermValidator : AbstractValidator<CalculateTermQuery>
{
    public const int MaxSuspensions = 20;

    public CalculateTermValidator()
    {
        RuleFor(q => q.Start)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Geef de datum van de gebeurtenis op als start=jjjj-mm-dd.")
            .Must(s => TermInput.TryParseDate(s, out _))
            .WithMessage("start moet een bestaande datum zijn in de vorm jjjj-mm-dd, bijvoorbeeld 2024-11-14.");
        RuleFor(q => q.Suspensions.Count).LessThanOrEqualTo(MaxSuspensions).OverridePropertyName("suspensions")
            .WithMessage($"Ten hoogste {MaxSuspensions} opschortingen.");
        RuleFor(q => q.Suspensions)
            .Must(all => all.All(s => TermInput.TryParseSuspension(s, out _)))
            .OverridePropertyName("suspensions")
            .WithMessage("Een opschorting is van/tot als jjjj-mm-dd/jjjj-mm-dd (tot: de dag waarop de termijn weer loopt, niet eerder dan van).");
    }
}

internal static class TermInput
{
    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 1900 and <= 9000;

    public static bool TryParseSuspension(string? value, out SuspensionPeriod? period)
    {
        period = null;
        var parts = value?.Split('/') ?? [];
        if (parts.Length != 2 || !TryParseDate(parts[0], out var from) || !TryParseDate(parts[1], out var until) || until < from)
        {
            return false;
        }

        period = new SuspensionPeriod(from, until);
        return true;
    }
}

internal sealed class TermCalculatorHandlers(Persistence.CaseworkDbContext db, LegalCalendar calendars) :
    IQueryHandler<ListTermKindsQuery, IReadOnlyList<TermKindDto>>,
    IQueryHandler<CalculateTermQuery, TermCalculationDto>
{
    public ValueTask<IReadOnlyList<TermKindDto>> Handle(ListTermKindsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TermKindDto>>(TermKinds.All.Select(ToDto).ToList());

    public async ValueTask<TermCalculationDto> Handle(CalculateTermQuery query, CancellationToken cancellationToken)
    {
        if (!TermKinds.TryGet(query.Kind, out var kind) || kind is null)
        {
            throw ApiProblemException.Of(ProblemTypes.NotFound, $"De termijnsoort '{query.Kind}' bestaat niet. GET /api/v1/terms geeft de soorten.");
        }

        if (!TermInput.TryParseDate(query.Start, out var start))
        {
            throw new InvalidOperationException("The validator checks start before the handler runs.");
        }

        var suspensions = query.Suspensions.Select(s => TermInput.TryParseSuspension(s, out var p) ? p! : throw new InvalidOperationException("Validated before.")).ToList();
        if (suspensions.Count > 0 && !kind.SuspensionApplies)
        {
            throw Invalid("suspensions", $"De termijn '{kind.Name}' kan niet worden opgeschort; opschorting (Awb 4:15) geldt alleen voor de beslistermijn op een aanvraag.");
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        TermCalculation calculation;
        try
        {
            calculation = TermCalculator.Calculate(kind, start, calendar, suspensions);
        }
        catch (ArgumentException ex) when (ex.ParamName == "suspensions")
        {
            // The calculator names the rule (overlap, before the first day, after the end); the client sent it.
            throw Invalid("suspensions", "De opschortingen passen niet bij deze termijn: ze overlappen, beginnen voor de eerste dag of na het einde van de termijn.");
        }

        return ToDto(calculation, suspensions, calendar);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    internal static TermKindDto ToDto(TermKind k) => new(
        k.Id,
        k.Name,
        k.Length?.ToString(),
        k.LegalSource,
        k.IsDesignChoice,
        k.EventDescription,
        k.AtwApplies,
        k.SuspensionApplies,
        k.PostalWeekApplies,
        k.ExtendableByNotice,
        k.MaximumExtension?.ToString(),
        k.ExtensionSource,
        k.LengthIsConfigurable,
        k.WarningLeadDays,
        k.Note);

    private static TermCalculationDto ToDto(TermCalculation c, IEnumerable<SuspensionPeriod> suspensions, DutchCalendar calendar)
    {
        var movedOver = new List<NonWorkingDayDto>();
        for (var day = c.EndBeforeAtw; day < c.DueDate; day = day.AddDays(1))
        {
            if (calendar.NonWorkingReason(day) is { } reason)
            {
                var equated = calendar.EquatedBy(day);
                var source = DutchCalendar.HolidaysIn(day.Year).FirstOrDefault(h => h.Date == day)?.Source ?? equated?.Title;
                movedOver.Add(new NonWorkingDayDto(day, reason, calendar.IsHolidayOrEquated(day), equated is not null, source));
            }
        }

        return new TermCalculationDto(
            ToDto(c.Kind),
            c.EventDate,
            c.FirstDay,
            c.Length?.ToString(),
            c.RawEndDate,
            suspensions.OrderBy(s => s.From).Select(s => new SuspensionDto(s.From, s.Until, s.Days)).ToList(),
            c.SuspendedDays,
            c.EndBeforeAtw,
            c.DueDate,
            c.MovedByAtw,
            movedOver,
            c.Steps.Select(s => new TermStepDto(s.Kind, s.Date, s.Text)).ToList(),
            c.Kind.LegalSource,
            c.UnknownEquatedYears.Count == 0,
            c.UnknownEquatedYears);
    }
}
