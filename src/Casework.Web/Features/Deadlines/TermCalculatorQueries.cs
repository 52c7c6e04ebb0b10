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
/// <param name="Reason">Why it is no working day: the holiday's Dutch name, or <c>weekend</c>.</param>
/// <param name="Holiday">True for a holiday of Atw art. 3 (also when it falls on a weekend).</param>
public sealed record NonWorkingDayDto(DateOnly Date, string Reason, bool Holiday);

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
    string LegalSource);

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

internal sealed class TermCalculatorHandlers :
    IQueryHandler<ListTermKindsQuery, IReadOnlyList<TermKindDto>>,
    IQueryHandler<CalculateTermQuery, TermCalculationDto>
{
    public ValueTask<IReadOnlyList<TermKindDto>> Handle(ListTermKindsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TermKindDto>>(TermKinds.All.Select(ToDto).ToList());

    public ValueTask<TermCalculationDto> Handle(CalculateTermQuery query, CancellationToken cancellationToken)
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

        TermCalculation calculation;
        try
        {
            calculation = TermCalculator.Calculate(kind, start, suspensions);
        }
        catch (ArgumentException ex) when (ex.ParamName == "suspensions")
        {
            // The calculator names the rule (overlap, before the first day, after the end); the client sent it.
            throw Invalid("suspensions", "De opschortingen passen niet bij deze termijn: ze overlappen, beginnen voor de eerste dag of na het einde van de termijn.");
        }

        return ValueTask.FromResult(ToDto(calculation, suspensions));
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

    private static TermCalculationDto ToDto(TermCalculation c, IEnumerable<SuspensionPeriod> suspensions)
    {
        var movedOver = new List<NonWorkingDayDto>();
        for (var day = c.EndBeforeAtw; day < c.DueDate; day = day.AddDays(1))
        {
            if (DutchCalendar.NonWorkingReason(day) is { } reason)
            {
                movedOver.Add(new NonWorkingDayDto(day, reason, DutchCalendar.IsHoliday(day)));
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
            c.Kind.LegalSource);
    }
}
