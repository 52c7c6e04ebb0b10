using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

/// <summary>
/// <c>/toekenningen/{id}/betalingen</c>: the payments and reclaims (terugvorderingen) of one application, with its
/// totals kept apart (awarded, awarded portion paid out, actually paid, reclaimed), for whoever may see the case (as
/// <c>GET /api/v1/applications/{id}/payments</c>). A VRO Beoordelaar records a payment or a terugvordering here with
/// the same <see cref="RecordPaymentCommand"/> and <see cref="RecordReclaimCommand"/> as the API, so the ledger's rules
/// (never more paid out than awarded, never more reclaimed than paid) refuse with the same broken rule and its source.
/// </summary>
public sealed class PaymentsModel : CaseworkPageModel
{
    public static string PathOf(Guid id) => $"/toekenningen/{id}/betalingen";

    public ApplicationDto Application { get; private set; } = null!;

    public ApplicationPaymentsDto Money { get; private set; } = null!;

    /// <summary>A VRO Beoordelaar, on an application with an award: may record payments and reclaims.</summary>
    public bool MayRecord { get; private set; }

    [BindProperty]
    public PaymentForm Payment { get; set; } = new();

    [BindProperty]
    public ReclaimForm Reclaim { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostBetalingAsync(Guid id, CancellationToken ct)
    {
        ClearOther(nameof(Reclaim));
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var amount = ParseAmount(Payment.Amount, $"{nameof(Payment)}.{nameof(PaymentForm.Amount)}", "het betaalde deel van de toekenning");
        decimal? share = null;
        if (!string.IsNullOrWhiteSpace(Payment.BtwPercentage))
        {
            if (DutchAmount.TryParse(Payment.BtwPercentage.Replace("%", string.Empty, StringComparison.Ordinal), out var percent) && percent >= 0m && percent < 100m)
            {
                share = decimal.Round(percent / 100m, 6);
            }
            else
            {
                ModelState.AddModelError($"{nameof(Payment)}.{nameof(PaymentForm.BtwPercentage)}", "Vul het aandeel BTW-compensatiefonds in als percentage van 0 tot 100, bijvoorbeeld 21 of 8,5.");
            }
        }

        if (Payment.PaidOn is null && ModelState.GetFieldValidationState($"{nameof(Payment)}.{nameof(PaymentForm.PaidOn)}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError($"{nameof(Payment)}.{nameof(PaymentForm.PaidOn)}", "Vul de datum van de betaling in.");
        }

        if (!ModelState.IsValid || amount is null)
        {
            return RefusedPage();
        }

        var (ok, result) = await TrySendAsync(new RecordPaymentCommand(id, new PaymentRequest(amount.Value, share, Payment.PaidOn!.Value)), string.Empty, ct);
        if (!ok || result is null)
        {
            MoveApiErrors(nameof(Payment), new Dictionary<string, string>
            {
                ["amount"] = nameof(PaymentForm.Amount),
                ["btwCompensatiefondsShare"] = nameof(PaymentForm.BtwPercentage),
                ["paidOnDate"] = nameof(PaymentForm.PaidOn),
            });
            await LoadAsync(id, ct);
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash($"De betaling van {NlFormat.Money(result.Payment.AwardedPortion)} op {NlFormat.Date(result.Payment.PaidOnDate)} is geregistreerd; aan de gemeente betaald: {NlFormat.Money(result.Payment.Paid)}.");
        return Redirect(PathOf(id));
    }

    public async Task<IActionResult> OnPostTerugvorderingAsync(Guid id, CancellationToken ct)
    {
        ClearOther(nameof(Payment));
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var amount = ParseAmount(Reclaim.Amount, $"{nameof(Reclaim)}.{nameof(ReclaimForm.Amount)}", "het terug te vorderen bedrag");
        if (string.IsNullOrWhiteSpace(Reclaim.Reason))
        {
            ModelState.AddModelError($"{nameof(Reclaim)}.{nameof(ReclaimForm.Reason)}", "Vermeld de reden van de terugvordering.");
        }

        if (!ModelState.IsValid || amount is null)
        {
            return RefusedPage();
        }

        var (ok, result) = await TrySendAsync(new RecordReclaimCommand(id, new ReclaimRequest(amount.Value, Reclaim.Reason)), string.Empty, ct);
        if (!ok || result is null)
        {
            MoveApiErrors(nameof(Reclaim), new Dictionary<string, string>
            {
                ["amount"] = nameof(ReclaimForm.Amount),
                ["reason"] = nameof(ReclaimForm.Reason),
            });
            await LoadAsync(id, ct);
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash($"De terugvordering van {NlFormat.Money(result.Reclaim.Amount)} is geregistreerd.");
        return Redirect(PathOf(id));
    }

    private decimal? ParseAmount(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, $"Vul {what} in, in euro's.");
            return null;
        }

        if (DutchAmount.TryParse(text, out var value) && value > 0m && decimal.Round(value, 2) == value)
        {
            return value;
        }

        ModelState.AddModelError(field, $"'{text}' is geen bedrag. Schrijf een positief bedrag in euro's met ten hoogste twee cijfers achter de komma, bijvoorbeeld 1.250.000 of 12.500,50.");
        return null;
    }

    private void MoveApiErrors(string prefix, IReadOnlyDictionary<string, string> fields) => FormErrors.MoveToFields(ModelState, fields, prefix);

    /// <summary>The other form was not posted: its (empty) fields carry no errors.</summary>
    private void ClearOther(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Application = await QueryAsync(new GetApplicationQuery(id), ct);
            Money = await QueryAsync(new GetApplicationPaymentsQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        var actor = Service<ICurrentActor>().Actor;
        MayRecord = Application.AwardedAmount is not null && actor.Organisation == "VRO" && actor.Roles.Contains(Role.Beoordelaar);
        return true;
    }

    /// <summary>"21%" for a stored fraction of 0,21.</summary>
    public static string Share(decimal fraction) => (fraction * 100m).ToString("0.####", NlFormat.Culture) + "%";

    /// <summary>A payment as typed: the amount in euros as a Dutch reader writes it, the BTW share as a percentage.</summary>
    public sealed class PaymentForm
    {
        public string? Amount { get; set; }

        public string? BtwPercentage { get; set; }

        public DateOnly? PaidOn { get; set; }
    }

    /// <summary>A terugvordering as typed.</summary>
    public sealed class ReclaimForm
    {
        public string? Amount { get; set; }

        public string? Reason { get; set; }
    }
}
