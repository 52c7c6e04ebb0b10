using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Programme;

/// <summary>
/// <c>GET /focusgebieden/{code}</c>: one focusgebied on one page (as <c>GET /api/v1/focusgebieden/{code}</c>): who is
/// involved, the money per round with its bars, the knelpunten and vastlopers with level and age, the meetings that dealt
/// with them, and per indicator the measurements against the baseline and the streefwaarde (a chart with its table).
/// For every signed-in user; the area's gemeente and alliance secretariat get a link to keep it up to date.
/// </summary>
public sealed class FocusgebiedModel : CaseworkPageModel
{
    [BindProperty(SupportsGet = true, Name = "halfjaar")]
    public string? HalfYear { get; set; }

    public FocusgebiedMonitorDto Monitor { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Label)> HalfYears { get; private set; } = [];

    public AreaFiguresDto Area => Monitor.Figures;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        HalfYears = OverviewModel.HalfYearChoices(AmsterdamClock.Today(Service<TimeProvider>()));
        try
        {
            Monitor = await QueryAsync(new GetFocusgebiedMonitorQuery(code, HalfYear), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (ValidationException)
        {
            return BadRequest();
        }

        return Page();
    }

    public IHtmlContent MoneyChart() =>
        SvgCharts.Bars("geld", $"Geld voor {Area.Name} per ronde", Area.Rounds.Select(r => new BarGroup(
            $"{(r.Regeling == Casework.Domain.Funding.Regeling.Vhf ? "VHF" : "WBI")} {r.Round}",
            [("Aangevraagd", r.Money.AppliedFor), ("Toegekend", r.Money.Awarded), ("Betaald", r.Money.Paid), ("Teruggevorderd", r.Money.Reclaimed)])).ToList());

    public static IHtmlContent IndicatorChart(IndicatorSeriesDto series, int index)
    {
        var points = series.Measurements.Select(m => new ChartPoint(m.Period, ProgrammeQueryHandlers.PeriodStart(m.Period), m.Value)).ToList();
        var references = new List<ChartReference>();
        foreach (var d in series.Doelen)
        {
            references.Add(new ChartReference("Nulmeting", d.BaselineValue, d.BaselineDate, "chart-ref--baseline"));
            if (d.Current is { } target)
            {
                references.Add(new ChartReference("Streefwaarde", target.Value, target.TargetDate, "chart-ref--target"));
            }
        }

        return SvgCharts.Line($"indicator-{index}", $"{series.Indicator.Name} in de tijd", series.Indicator.Unit, points, references);
    }

    public static string Direction(BetterDirection direction) => direction == BetterDirection.Hoger ? "hoger is beter" : "lager is beter";

    public static string Soort(DoelSoort soort) => soort == DoelSoort.Prestatieafspraak ? "Prestatieafspraak" : "Uitvoeringsprogramma";

    public static string Age(int days) => days == 1 ? "1 dag" : $"{days} dagen";
}
