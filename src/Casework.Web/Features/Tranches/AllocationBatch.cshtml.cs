using System.Text.Json;
using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Cases.Proposals;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// <c>/rondes/{id}/toewijzing</c>: the allocation of a round in ranking order until the ceiling is reached, for a VRO
/// Beoordelaar. It shows the allocator's proposal (<see cref="ProposeAllocationQuery"/>, as
/// <c>POST /api/v1/tranches/{id}/allocation</c>; it writes nothing) and runs it: per application, in ranking order, the
/// same besluit the case page sends (<see cref="AwardApplicationCommand"/> for a full or partial award,
/// <see cref="FireActionCommand"/> <c>afwijzen</c> for a rejection), each through the one gate in its own transaction,
/// stopping at the first refusal. Where the definition requires the vier-ogenprincipe each besluit is a proposal; a
/// colleague confirms them here in ranking order (<see cref="DecideProposalCommand"/>), and only then does money move.
/// </summary>
public sealed class AllocationBatchModel : CaseworkPageModel
{
    public static string PathOf(Guid id) => $"/rondes/{id}/toewijzing";

    public TrancheDto Round { get; private set; } = null!;

    public IReadOnlyList<AllocationProposalDto> Proposal { get; private set; } = [];

    public string? ProposalError { get; private set; }

    /// <summary>Applications of the round with a besluit awaiting confirmation, in ranking order.</summary>
    public IReadOnlyList<PendingProposal> Pending { get; private set; } = [];

    /// <summary>What the last run did, per application, as sentences.</summary>
    public IReadOnlyList<string> Outcomes { get; private set; } = [];

    [BindProperty]
    public RunForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Refuse() is { } refused)
        {
            return refused;
        }

        Input = new RunForm { SentDate = Domain.Time.AmsterdamClock.Today(Service<TimeProvider>()) };
        return Page();
    }

    /// <summary>Sends the proposal's besluiten in ranking order; stops at the first refusal and says why.</summary>
    public async Task<IActionResult> OnPostUitvoerenAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (Input.SentDate is null && ModelState.GetFieldValidationState("Input.SentDate") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.SentDate", "Vul de verzenddatum van de besluiten in.");
        }

        if (ProposalError is not null)
        {
            ModelState.AddModelError(string.Empty, "Het voorstel kon niet worden berekend: " + ProposalError);
        }

        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        var sent = Input.SentDate!.Value;
        var toelichting = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim();
        var outcomes = new List<string>();
        foreach (var p in Proposal)
        {
            var current = await QueryAsync(new GetCaseQuery(p.ApplicationId), ct);
            if (current.Proposal is not null)
            {
                outcomes.Add($"{p.Reference}: er wacht al een voorgesteld besluit op bevestiging; overgeslagen.");
                continue;
            }

            // The engine's own answer: a besluit that the case's state does not offer (already decided) is skipped.
            string[] besluiten = p.ProposedAmount > 0m ? ["toekennen", "gedeeltelijkToekennen"] : ["afwijzen"];
            if (!current.AvailableActions.Any(a => besluiten.Contains(a.Id)))
            {
                outcomes.Add($"{p.Reference}: over deze aanvraag is al besloten; overgeslagen.");
                continue;
            }

            var reason = p.Reason is null ? toelichting : toelichting is null ? p.Reason : $"{p.Reason}. {toelichting}";
            bool ok;
            bool proposed;
            if (p.ProposedAmount > 0m)
            {
                (ok, var result) = await TrySendAsync(new AwardApplicationCommand(p.ApplicationId, current.Version, new AwardRequest(p.ProposedAmount, sent, reason)), string.Empty, ct);
                proposed = result?.ProposedDecision is not null;
            }
            else
            {
                var data = new Dictionary<string, JsonElement> { ["verzenddatum"] = JsonSerializer.SerializeToElement(NlFormat.IsoDate(sent)) };
                (ok, var result) = await TrySendAsync(new FireActionCommand(p.ApplicationId, "afwijzen", current.Version, reason, data), string.Empty, ct);
                proposed = result?.Proposal is not null;
            }

            var what = p.ProposedAmount > 0m ? $"{NlFormat.Money(p.ProposedAmount)} {(p.ProposedAmount < p.RequestedAmount ? "gedeeltelijk " : string.Empty)}toekennen" : "afwijzen";
            if (!ok)
            {
                var why = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
                ModelState.AddModelError(string.Empty, $"{p.Reference} ({what}) is geweigerd{(why is null ? string.Empty : ": " + why)}. De toewijzing is daar gestopt; de aanvragen erna zijn niet behandeld.");
                break;
            }

            outcomes.Add(proposed ? $"{p.Reference}: {what} voorgesteld; een collega bevestigt het besluit." : $"{p.Reference}: {what}, besloten.");
        }

        if (!ModelState.IsValid)
        {
            Outcomes = outcomes;
            await LoadAsync(id, ct);
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash(outcomes.Count == 0 ? "Er was niets toe te wijzen." : string.Join(" ", outcomes));
        return Redirect(PathOf(id));
    }

    /// <summary>A colleague confirms every pending besluit of the round in ranking order; stops at the first refusal.</summary>
    public async Task<IActionResult> OnPostBevestigenAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Refuse() is { } refused)
        {
            return refused;
        }

        var confirmed = new List<string>();
        foreach (var p in Pending.Where(p => p.MayConfirm))
        {
            var (ok, _) = await TrySendAsync(new DecideProposalCommand(p.CaseId, ProposalOutcome.Confirm, p.Version, null), string.Empty, ct);
            if (!ok)
            {
                var why = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
                ModelState.AddModelError(string.Empty, $"Het besluit over {p.Reference} ({p.Label}) is niet bevestigd{(why is null ? string.Empty : ": " + why)}. De bevestiging is daar gestopt.");
                break;
            }

            confirmed.Add($"{p.Reference}: {p.Label}");
        }

        if (!ModelState.IsValid || ViewData.ContainsKey(FlashMessages.BrokenRulesKey))
        {
            Outcomes = confirmed.Select(c => c + ", bevestigd.").ToList();
            await LoadAsync(id, ct);
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash(confirmed.Count == 0 ? "Er was geen besluit dat u kunt bevestigen." : "Bevestigd: " + string.Join("; ", confirmed) + ".");
        return Redirect(PathOf(id));
    }

    private IActionResult? Refuse()
    {
        var actor = Service<ICurrentActor>().Actor;
        return actor.Organisation == "VRO" && actor.Roles.Contains(Role.Beoordelaar)
            ? null
            : PageAccess.Denied(this, "De toewijzing van een ronde is voor de beoordelaars van VRO. Met uw rol hoort u hier niet.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Round = await QueryAsync(new GetTrancheQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        var actor = Service<ICurrentActor>().Actor;
        if (actor.Organisation != "VRO" || !actor.Roles.Contains(Role.Beoordelaar))
        {
            return true;
        }

        try
        {
            Proposal = await QueryAsync(new ProposeAllocationQuery(id), ct);
            ProposalError = null;
        }
        catch (ApiProblemException e)
        {
            ProposalError = Describe(e.Problem);
        }
        catch (Domain.Common.BusinessRuleViolationException e)
        {
            ProposalError = string.Join(" ", e.BrokenRules.Select(r => $"{r.Message} (regel {r.Code}, bron: {Labels.Source(r.Source)})"));
        }

        var pending = new List<PendingProposal>();
        foreach (var entry in Round.Ranking ?? [])
        {
            var c = await QueryAsync(new GetCaseQuery(entry.ApplicationId), ct);
            if (c.Proposal is { } proposal)
            {
                pending.Add(new PendingProposal(c.Id, c.Reference, c.Version, proposal.Label, proposal.ProposedBy.Name, proposal.MayConfirm));
            }
        }

        Pending = pending;
        return true;
    }

    /// <summary>A besluit awaiting a colleague's confirmation: whose, what, and whether the signed-in reviewer may confirm it.</summary>
    public sealed record PendingProposal(Guid CaseId, string Reference, int Version, string Label, string ProposedBy, bool MayConfirm);

    /// <summary>The run as the form binds it: the besluiten's verzenddatum and a toelichting for rejections and partial awards.</summary>
    public sealed class RunForm
    {
        public DateOnly? SentDate { get; set; }

        public string? Reason { get; set; }
    }
}
