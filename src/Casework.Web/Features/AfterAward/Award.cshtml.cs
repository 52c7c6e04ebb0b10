using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// <c>GET /toekenningen/{id}</c>: the award after its besluit, for whoever may see the case: its conditions (every
/// version), milestones, yearly SiSa verantwoording, wijzigingsverzoeken and money, and all of it as one timeline. The
/// department judges a reported or expired milestone here; the gemeente accounts for a budget year here.
/// </summary>
public sealed class AwardModel : CaseworkPageModel
{
    public AfterAwardDto Award { get; private set; } = null!;

    public bool IsDepartment { get; private set; }

    public bool IsGemeente { get; private set; }

    public int CurrentYear { get; private set; }

    [BindProperty]
    public SisaForm Sisa { get; set; } = new();

    /// <summary>The gemeente's own documents in the dossier, to name as a milestone's evidence.</summary>
    public IReadOnlyList<KeyValuePair<Guid, string>> Evidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The department's judgement of one milestone.</summary>
    public async Task<IActionResult> OnPostOordeelAsync(Guid id, string? kind, string? outcome, string? reason, CancellationToken ct)
    {
        var (ok, _) = await TrySendAsync(new JudgeMilestoneCommand(id, kind ?? string.Empty, new MilestoneJudgementRequest(outcome, reason)), string.Empty, ct);
        if (ok)
        {
            Flash("Het oordeel over de mijlpaal is vastgelegd.");
            return RedirectToPage(new { id });
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The gemeente's report of one milestone: the date it was reached and the dossier documents that show it.</summary>
    public async Task<IActionResult> OnPostMeldenAsync(Guid id, string? kind, string? datum, List<Guid>? bewijs, string? toelichting, CancellationToken ct)
    {
        DateOnly? date = Applications.DutchDate.TryParse(datum ?? string.Empty, out var d) ? d : null;
        if (date is null)
        {
            ModelState.AddModelError("date", "Vul de datum in als dag-maand-jaar, bijvoorbeeld 15-08-2025.");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var (ok, _) = await TrySendAsync(new ReportMilestoneCommand(id, kind ?? string.Empty, new MilestoneReportRequest(date, bewijs ?? [], toelichting)), string.Empty, ct);
        if (ok)
        {
            Flash("De mijlpaal is gemeld; VRO beoordeelt de melding.");
            return RedirectToPage(new { id });
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The gemeente's verantwoording of one budget year.</summary>
    public async Task<IActionResult> OnPostVerantwoordenAsync(Guid id, CancellationToken ct)
    {
        var request = new SisaReportRequest(
            new Applications.HomesDto(Sisa.StartedSocialeHuur, Sisa.StartedMiddenhuur, Sisa.StartedBetaalbareKoop, Sisa.StartedOther),
            new Applications.HomesDto(Sisa.CompletedSocialeHuur, Sisa.CompletedMiddenhuur, Sisa.CompletedBetaalbareKoop, Sisa.CompletedOther),
            Applications.DutchAmount.TryParse(Sisa.Spent ?? string.Empty, out var spent) ? spent : null,
            Sisa.ProjectCompleted);
        var (ok, _) = await TrySendAsync(new ReportSisaCommand(id, Sisa.Year, request), "Sisa", ct);
        if (ok)
        {
            Flash($"De verantwoording over {Sisa.Year} is ingediend.");
            return RedirectToPage(new { id });
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Award = await QueryAsync(new GetAfterAwardQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        var actor = Service<ICurrentActor>().Actor;
        IsDepartment = actor.Organisation == AfterAwardService.Department && actor.Roles.Contains(Role.Beoordelaar);
        IsGemeente = actor.Roles.Contains(Role.GemeenteAanvrager) && Award.Vaststelling is null;
        CurrentYear = Domain.Time.AmsterdamClock.Today(Service<TimeProvider>()).Year;
        Evidence = IsGemeente ? await QueryAsync(new AwardEvidenceOptionsQuery(id), ct) : [];
        return true;
    }

    /// <summary>The form of one year's verantwoording (homes by category, money spent).</summary>
    public sealed class SisaForm
    {
        public int Year { get; set; }

        public int StartedSocialeHuur { get; set; }

        public int StartedMiddenhuur { get; set; }

        public int StartedBetaalbareKoop { get; set; }

        public int StartedOther { get; set; }

        public int CompletedSocialeHuur { get; set; }

        public int CompletedMiddenhuur { get; set; }

        public int CompletedBetaalbareKoop { get; set; }

        public int CompletedOther { get; set; }

        public string? Spent { get; set; }

        public bool ProjectCompleted { get; set; }
    }
}
