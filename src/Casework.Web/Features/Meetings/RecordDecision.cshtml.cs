using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// <c>/vergaderingen/{id}/agendapunten/{itemId}/besluit</c>: the secretary records the body's decision on one agenda
/// item: the line for the besluitenlijst, the workflow action it fires on the case (only the actions the body can take
/// in the case's state are offered), that action's reason and data, and up to three action items. It sends
/// <see cref="RecordDecisionCommand"/>, so the besluitenlijst and the case change together or not at all.
/// </summary>
public sealed class RecordDecisionModel : CaseworkPageModel
{
    public const int ActionItemRows = 3;

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["uitkomst"] = "Uitkomst",
        ["resultaat"] = "Resultaat (waarmee de zaak sluit)",
        ["trekkendDepartement"] = "Trekkend departement",
        ["domein"] = "Domein",
    };

    public MeetingDto Meeting { get; private set; } = null!;

    public AgendaItemDto Item { get; private set; } = null!;

    public AgendaCaseDetailsDto? Case { get; private set; }

    public IReadOnlyList<SelectListItem> ActionOptions { get; private set; } = [];

    /// <summary>Every input field of the offered actions, once, with the actions that ask for it.</summary>
    public IReadOnlyList<DataFieldView> DataFields { get; private set; } = [];

    public bool ActionRequired { get; private set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var outcome = await LoadAsync(id, itemId, ct);
        if (outcome is not null)
        {
            return outcome;
        }

        if (ActionOptions.Count == 1 && ActionRequired)
        {
            Input.Action = ActionOptions[0].Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var outcome = await LoadAsync(id, itemId, ct);
        if (outcome is not null)
        {
            return outcome;
        }

        var action = string.IsNullOrWhiteSpace(Input.Action) ? null : Input.Action;
        var option = Case?.DecisionOptions.FirstOrDefault(o => o.ActionId == action);
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in option?.Fields ?? [])
        {
            if (Input.Data.TryGetValue(field.Name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                data[field.Name] = ToJson(field, value.Trim());
            }
        }

        var actionItems = Input.ActionItems
            .Where(a => !string.IsNullOrWhiteSpace(a.Description) || !string.IsNullOrWhiteSpace(a.Owner) || a.DueDate is not null)
            .Select(a => new ActionItemRequest(a.Description?.Trim(), a.Owner?.Trim(), a.DueDate))
            .ToList();

        // Rows are sent without the empty ones, so a validator's ActionItems[n] is the n-th filled row; map it back to the row on the form.
        var filledRows = Input.ActionItems.Select((a, i) => (a, i))
            .Where(x => !string.IsNullOrWhiteSpace(x.a.Description) || !string.IsNullOrWhiteSpace(x.a.Owner) || x.a.DueDate is not null)
            .Select(x => x.i).ToList();

        var (ok, _) = await TrySendAsync(new RecordDecisionCommand(id, itemId, action, Input.Besluit?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim(), data, actionItems), "Input", ct);
        if (ok)
        {
            Flash($"Het besluit over punt {Item.Sequence} ({Item.CaseReference}) is vastgelegd en staat op de besluitenlijst.");
            return Redirect(PagePaths.Meeting(id));
        }

        RemapErrorKeys(filledRows);
        return RefusedPage();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        try
        {
            Meeting = await QueryAsync(new GetMeetingQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        var item = Meeting.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        var actor = Service<ICurrentActor>().Actor;
        if (actor.Organisation != Meeting.Body || !actor.Roles.Contains(Role.Secretaris))
        {
            return PageAccess.Denied(this, PageAccess.ForSecretariesAndReviewers);
        }

        if (item.Status != AgendaItemStatus.Open || Meeting.Status != MeetingStatus.Gepland)
        {
            FlashError($"Over punt {item.Sequence} ({item.CaseReference}) kan geen besluit meer worden vastgelegd: het is {MeetingLabels.AgendaItemStatus(item.Status).ToLowerInvariant()} of de vergadering is gesloten.");
            return Redirect(PagePaths.Meeting(id));
        }

        var cases = await QueryAsync(new MeetingItemDetailsQuery(id), ct);
        Case = cases.GetValueOrDefault(item.CaseId);
        ActionRequired = !MeetingBodies.IsAlliance(Meeting.Body);
        var options = (Case?.DecisionOptions ?? []).Select(o => new SelectListItem(o.Label, o.ActionId)).ToList();
        if (!ActionRequired)
        {
            options.Insert(0, new SelectListItem("Kennisgenomen (de zaak blijft waar zij is)", string.Empty));
        }

        ActionOptions = options;
        DataFields = (Case?.DecisionOptions ?? [])
            .SelectMany(o => o.Fields.Select(f => (Option: o, Field: f)))
            .GroupBy(x => x.Field.Name, StringComparer.Ordinal)
            .Select(g => new DataFieldView(
                g.Key,
                FieldLabels.GetValueOrDefault(g.Key, g.Key),
                g.First().Field.Type,
                g.SelectMany(x => x.Field.Choices).Distinct(StringComparer.Ordinal).Select(c => new SelectListItem(ChoiceLabel(c), c)).ToList(),
                "Nodig bij: " + string.Join(", ", g.Select(x => x.Option.Label)) + "."))
            .ToList();
        foreach (var field in DataFields)
        {
            Input.Data.TryAdd(field.Name, null);
        }

        while (Input.ActionItems.Count < ActionItemRows)
        {
            Input.ActionItems.Add(new ActionItemInput());
        }

        return null;
    }

    /// <summary>Workflow input errors come back as <c>data.x</c> and list rows as sent; point them at the fields on this form.</summary>
    private void RemapErrorKeys(List<int> filledRows)
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            var entry = ModelState[key];
            if (entry is null || entry.Errors.Count == 0)
            {
                continue;
            }

            string? target = null;
            if (key.StartsWith("Input.data.", StringComparison.OrdinalIgnoreCase))
            {
                target = $"Input.Data[{key["Input.data.".Length..]}]";
            }
            else if (key.StartsWith("Input.ActionItems[", StringComparison.OrdinalIgnoreCase)
                && key.IndexOf(']', StringComparison.Ordinal) is var close and > 0
                && int.TryParse(key["Input.ActionItems[".Length..close], NumberStyles.None, CultureInfo.InvariantCulture, out var sent)
                && sent < filledRows.Count && filledRows[sent] != sent)
            {
                target = $"Input.ActionItems[{filledRows[sent]}]{key[(close + 1)..]}";
            }

            if (target is null)
            {
                continue;
            }

            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(target, message);
            }
        }
    }

    private static JsonElement ToJson(DecisionFieldDto field, string value) => field.Type switch
    {
        "Number" when decimal.TryParse(value, NumberStyles.Number, NlFormat.Culture, out var n) => JsonSerializer.SerializeToElement(n),
        "YesNo" => JsonSerializer.SerializeToElement(value is "true" or "ja"),
        _ => JsonSerializer.SerializeToElement(value),
    };

    private static string ChoiceLabel(string code)
    {
        var text = code.Replace('-', ' ');
        return text.Length == 0 ? code : char.ToUpper(text[0], NlFormat.Culture) + text[1..];
    }
}

public sealed class DecisionInput
{
    public string? Action { get; set; }

    public string? Besluit { get; set; }

    public string? Reason { get; set; }

    public Dictionary<string, string?> Data { get; set; } = new(StringComparer.Ordinal);

    public List<ActionItemInput> ActionItems { get; set; } = [];
}

public sealed class ActionItemInput
{
    public string? Description { get; set; }

    public string? Owner { get; set; }

    public DateOnly? DueDate { get; set; }
}

/// <summary>One workflow input field on the decision form, with the choices of every action that asks for it.</summary>
public sealed record DataFieldView(string Name, string Label, string Type, IReadOnlyList<SelectListItem> Choices, string Hint);
