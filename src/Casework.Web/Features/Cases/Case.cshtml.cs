using System.Globalization;
using System.Text.Json;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Pages;
using Casework.Workflows.Definitions;
using Casework.Workflows.Loading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Casework.Web.Features.Cases;

/// <summary>One field of a form whose fields come from data (a workflow action's input, a round's criteria).</summary>
public sealed record CaseFieldView(string Id, string Name, string Label, string? Hint, string Type, bool Required, string? Value, IReadOnlyList<string> Errors, IReadOnlyList<(string Value, string Text)> Choices);

/// <summary>One line of the timeline: a status change or another audited event.</summary>
/// <param name="ByPerson">False for a line Casework itself reports (a delivery), which names nobody.</param>
public sealed record TimelineEntry(DateTimeOffset At, long Order, string Who, string Organisation, string What, string? StateLabel, string? Reason, bool ByPerson = true);

/// <summary>An action as the page offers it: allowed (a form) or not (every reason why, tied to it).</summary>
public sealed record ActionView(AvailableActionDto Action, bool Allowed, IReadOnlyList<ReasonDto> Reasons, bool Irreversible, string Heading, string? Intro, string ReasonLabel);

/// <summary>
/// The case page (<c>/zaken/{id}</c>): header, deadlines, timeline, the application's facts, scores and decisions,
/// and the actions the signed-in person may take now, each with its input from the workflow definition. Every
/// action goes through the same commands as the API: <see cref="FireActionCommand"/> (with the case version the
/// page was rendered with, as If-Match), <see cref="RecordScoresCommand"/> and <see cref="AwardApplicationCommand"/>.
/// </summary>
public sealed class CaseModel : CaseworkPageModel
{
    public const string StaleMessage = "De zaak is intussen gewijzigd; bekijk de nieuwe stand en probeer opnieuw.";

    private static readonly string[] DecisionActionIds = ["toekennen", "gedeeltelijkToekennen", "afwijzen"];

    public CaseDto Case { get; private set; } = null!;

    public CaseHistoryDto History { get; private set; } = null!;

    public CasePageExtrasDto Extras { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>Each notification of the case per recipient, with where it stands (Features/Delivery).</summary>
    public IReadOnlyList<Delivery.DeliveryDto> Deliveries { get; private set; } = [];

    public IReadOnlyList<ActionView> Actions { get; private set; } = [];

    /// <summary>What the signed-in person may do about who handles the case (claim, hand over, release).</summary>
    public Behandelaar.BehandelaarOptions Behandeling { get; private set; } = new(false, false, false, false);

    /// <summary>The colleagues the case can be handed to (not the current behandelaar).</summary>
    public IReadOnlyList<BehandelaarDto> Colleagues { get; private set; } = [];

    private const string KnelpuntCaseType = "knelpunt";

    private const string VastloperCaseType = "vastloper";

    /// <summary>What the case is about, shown before what can be done with it.</summary>
    public CaseContentDto About { get; private set; } = new([], new Dictionary<string, string>());

    public Knelpunten.KnelpuntDto? Knelpunt { get; private set; }

    public Vastlopers.VastloperDto? Vastloper { get; private set; }

    /// <summary>The case is an award with after-award records (ADR-019): the page links to the award's page.</summary>
    public bool HasAfterAward { get; private set; }

    /// <summary>For an application: the loket's herkansing link, or the gemeente's herkansing in the next round.</summary>
    public Applications.HerkansingOptionsDto? Herkansing { get; private set; }

    public string FocusgebiedName(string code) => About.FocusgebiedNames.TryGetValue(code, out var name) ? name : code;

    /// <summary>The committee may record scores now (it may fire <c>adviseren</c> but for the scores themselves).</summary>
    public bool CanScore { get; private set; }

    /// <summary>The members' scores while the committee scores (null otherwise).</summary>
    public Applications.CommitteeScoring.CommitteeScoringDto? Committee { get; private set; }

    /// <summary>The signed-in member's own assessment, if any.</summary>
    public Applications.CommitteeScoring.MemberScoreDto? MyScore => Committee?.Members.FirstOrDefault(m => m.MemberUserId == Actor.UserId);

    /// <summary>The signed-in member chairs the committee and records its advice.</summary>
    public bool IsChair => Committee?.ChairUserId is { } chair && chair == Actor.UserId;

    private Casework.Workflows.Engine.Actor Actor => Service<Infrastructure.Auth.ICurrentActor>().Actor;

    /// <summary>The signed-in person's user id (to tell their own proposal from a colleague's).</summary>
    public string SignedInUserId => Actor.UserId;

    /// <summary>The outcomes the decision form offers (value, text); empty when the person may not decide now.</summary>
    public IReadOnlyList<(string Value, string Text)> DecisionOptions { get; private set; } = [];

    /// <summary>The decision form only proposes: a colleague confirms the besluit (vier-ogenprincipe).</summary>
    public bool DecisionNeedsConfirmation { get; private set; }

    /// <summary>The running beslistermijn when the caller's organisation has the case and may tell the applicant a new date (Awb 4:14).</summary>
    public DeadlineDto? Postponable { get; private set; }

    /// <summary>What was posted, to show it again after a refusal.</summary>
    public string? PostedForm { get; private set; }

    public IReadOnlyDictionary<string, string> Posted { get; private set; } = new Dictionary<string, string>();

    public static string ActionPrefix(string actionId) => "Actie." + actionId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActieAsync(Guid id, string? actionId, int version, string? reason, Dictionary<string, string>? data, CancellationToken ct)
    {
        // Nothing that evaluates guards runs before the command: guard facts are cached per request, and the
        // command must judge the case as it is inside its own transaction.
        if (await ExtrasAsync(id, ct) is not { } extras)
        {
            return NotFound();
        }

        var posted = new Dictionary<string, string>((data ?? []).Select(d => KeyValuePair.Create("data." + d.Key, d.Value)));
        posted["reason"] = reason ?? string.Empty;
        Remember("Actie:" + actionId, posted);
        if (version != extras.Version)
        {
            ModelState.AddModelError(string.Empty, StaleMessage);
            return await RefuseAsync(id, StatusCodes.Status409Conflict, ct);
        }

        var action = actionId is null ? null : DefinitionOf(extras.Definition).FindAction(actionId);
        if (action is null || actionId is null)
        {
            ModelState.AddModelError(string.Empty, "Deze actie bestaat niet bij deze zaak.");
            return await RefuseAsync(id, StatusCodes.Status409Conflict, ct);
        }

        var prefix = ActionPrefix(actionId);
        var input = new Dictionary<string, JsonElement>();
        foreach (var field in action.Input.Fields)
        {
            if (data?.GetValueOrDefault(field.Name) is not { } raw || string.IsNullOrWhiteSpace(raw))
            {
                continue; // the engine says so if it is required
            }

            switch (field.Type)
            {
                case InputFieldType.Number when CaseFormat.TryParseAmount(raw, out var number):
                    input[field.Name] = JsonSerializer.SerializeToElement(number);
                    break;
                case InputFieldType.Number:
                    ModelState.AddModelError($"{prefix}.data.{field.Name}", "Vul een getal in, bijvoorbeeld 1250000 of 1.250.000,50.");
                    break;
                case InputFieldType.WholeNumber when long.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var whole):
                    input[field.Name] = JsonSerializer.SerializeToElement(whole);
                    break;
                case InputFieldType.WholeNumber:
                    ModelState.AddModelError($"{prefix}.data.{field.Name}", "Vul een geheel getal in, bijvoorbeeld 14.");
                    break;
                case InputFieldType.YesNo:
                    input[field.Name] = JsonSerializer.SerializeToElement(raw == "true");
                    break;
                default:
                    input[field.Name] = JsonSerializer.SerializeToElement(raw.Trim());
                    break;
            }
        }

        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, ct);
        }

        var (ok, result) = await TrySendAsync(new FireActionCommand(id, actionId, version, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), input), prefix, ct);
        if (ok)
        {
            Flash(result!.Proposal is { } proposed
                ? ProposedMessage(proposed.Label)
                : $"{action.Label}: gelukt. De zaak heeft nu de status ‘{result.StateLabel}’.");
            return Redirect(PagePaths.Case(id));
        }

        Rekey(prefix, k => k.Equals("reason", StringComparison.OrdinalIgnoreCase) ? "reason" : k.StartsWith("data.", StringComparison.Ordinal) ? k : null);
        return await RefusedAfterCommandAsync(id, ct);
    }

    public async Task<IActionResult> OnPostScoresAsync(Guid id, Dictionary<string, string>? score, string? total, CancellationToken ct)
    {
        if (await ExtrasAsync(id, ct) is not { } extras)
        {
            return NotFound();
        }

        var posted = new Dictionary<string, string>((score ?? []).Select(s => KeyValuePair.Create("score." + s.Key, s.Value)))
        {
            ["total"] = total ?? string.Empty,
        };
        Remember("Scores", posted);
        Dictionary<string, decimal>? scores = null;
        decimal? committeeTotal = null;
        if (extras.Criteria.Count > 0)
        {
            scores = [];
            foreach (var criterion in extras.Criteria)
            {
                var raw = score?.GetValueOrDefault(criterion.Name);
                if (string.IsNullOrWhiteSpace(raw))
                {
                    ModelState.AddModelError($"Scores.{criterion.Name}", $"Geef een score voor {criterion.Name} ({NlFormat.Number(criterion.MinScore)} tot en met {NlFormat.Number(criterion.MaxScore)}).");
                }
                else if (CaseFormat.TryParseAmount(raw, out var value))
                {
                    scores[criterion.Name] = value;
                }
                else
                {
                    ModelState.AddModelError($"Scores.{criterion.Name}", "Vul een getal in, bijvoorbeeld 7 of 7,5.");
                }
            }
        }
        else if (CaseFormat.TryParseAmount(total, out var t))
        {
            committeeTotal = t;
        }
        else if (!string.IsNullOrWhiteSpace(total))
        {
            ModelState.AddModelError("Scores.total", "Vul een getal in, bijvoorbeeld 72 of 72,5.");
        }

        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, ct);
        }

        var (ok, result) = await TrySendAsync(new Applications.CommitteeScoring.RecordMemberScoreCommand(id, new Applications.CommitteeScoring.MemberScoreRequest(scores, committeeTotal)), "Scores", ct);
        if (ok)
        {
            var mine = result!.Members.FirstOrDefault(m => m.MemberUserId == Actor.UserId);
            Flash($"Uw score is vastgelegd. Uw totaal: {NlFormat.Number(mine?.Total ?? 0m)}; gemiddelde van de commissie tot nu toe: {NlFormat.Number(result.MeanTotal ?? 0m)}.");
            return Redirect(PagePaths.Case(id));
        }

        Rekey("Scores", k => k is "total" ? k : null);
        return await RefusedAfterCommandAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRecusalAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (await ExtrasAsync(id, ct) is null)
        {
            return NotFound();
        }

        Remember("Recusal", new Dictionary<string, string> { ["reason"] = reason ?? string.Empty });
        var (ok, _) = await TrySendAsync(new Applications.CommitteeScoring.DeclareRecusalCommand(id, new Applications.CommitteeScoring.RecusalRequest(reason)), "Recusal", ct);
        if (ok)
        {
            Flash("U heeft zich voor deze aanvraag verschoond. U scoort haar niet en uw scores tellen niet mee (Awb 2:4).");
            return Redirect(PagePaths.Case(id));
        }

        return await RefusedAfterCommandAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAdviceAsync(Guid id, string? advice, string? agreedTotal, string? reason, CancellationToken ct)
    {
        if (await ExtrasAsync(id, ct) is null)
        {
            return NotFound();
        }

        Remember("Advice", new Dictionary<string, string> { ["advice"] = advice ?? string.Empty, ["agreedTotal"] = agreedTotal ?? string.Empty, ["reason"] = reason ?? string.Empty });
        decimal? agreed = null;
        if (CaseFormat.TryParseAmount(agreedTotal, out var a))
        {
            agreed = a;
        }
        else if (!string.IsNullOrWhiteSpace(agreedTotal))
        {
            ModelState.AddModelError("Advice.agreedTotal", "Vul een getal in, bijvoorbeeld 7,5.");
        }

        CommitteeAdvice? parsedAdvice = Enum.TryParse<CommitteeAdvice>(advice, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, ct);
        }

        var (ok, result) = await TrySendAsync(new RecordScoresCommand(id, new ScoresRequest(parsedAdvice, agreed, reason)), "Advice", ct);
        if (ok)
        {
            Flash($"Het advies van de commissie is vastgelegd. Score: {NlFormat.Number(result!.TotalScore ?? 0m)}; advies: {result.Advice?.ToString().ToLowerInvariant()}. Breng nu het advies uit.");
            return Redirect(PagePaths.Case(id));
        }

        return await RefusedAfterCommandAsync(id, ct);
    }

    public async Task<IActionResult> OnPostBesluitAsync(Guid id, int version, string? outcome, string? amount, string? sentDate, string? reason, CancellationToken ct)
    {
        if (await ExtrasAsync(id, ct) is not { } extras)
        {
            return NotFound();
        }

        Remember("Besluit", new Dictionary<string, string>
        {
            ["outcome"] = outcome ?? string.Empty,
            ["amount"] = amount ?? string.Empty,
            ["sentDate"] = sentDate ?? string.Empty,
            ["reason"] = reason ?? string.Empty,
        });
        if (version != extras.Version)
        {
            ModelState.AddModelError(string.Empty, StaleMessage);
            return await RefuseAsync(id, StatusCodes.Status409Conflict, ct);
        }

        if (outcome is not ("toekennen" or "afwijzen"))
        {
            ModelState.AddModelError("Besluit.outcome", "Kies het besluit: toekennen of afwijzen.");
        }

        if (!DateOnly.TryParseExact(sentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sent))
        {
            ModelState.AddModelError("Besluit.sentDate", "Vul de verzenddatum van het besluit in.");
        }

        decimal euros = 0m;
        if (outcome == "toekennen" && !CaseFormat.TryParseAmount(amount, out euros))
        {
            ModelState.AddModelError("Besluit.amount", "Vul het toe te kennen bedrag in euro's in, bijvoorbeeld 5.000.000.");
        }

        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, ct);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (outcome == "toekennen")
        {
            var (ok, result) = await TrySendAsync(new AwardApplicationCommand(id, version, new AwardRequest(euros, sent, why)), "Besluit", ct);
            if (ok && result!.ProposedDecision is not null)
            {
                Flash(ProposedMessage($"{NlFormat.Money(euros)} {(euros < result.RequestedAmount ? "gedeeltelijk " : string.Empty)}toekennen"));
                return Redirect(PagePaths.Case(id));
            }

            if (ok)
            {
                var partial = result!.AwardedAmount < result.RequestedAmount;
                Flash($"Het besluit is genomen: {NlFormat.Money(result.AwardedAmount ?? 0m)} {(partial ? "gedeeltelijk " : string.Empty)}toegekend. De zaak heeft nu de status ‘{result.StateLabel}’.");
                return Redirect(PagePaths.Case(id));
            }
        }
        else
        {
            var data = new Dictionary<string, JsonElement> { ["verzenddatum"] = JsonSerializer.SerializeToElement(NlFormat.IsoDate(sent)) };
            var (ok, result) = await TrySendAsync(new FireActionCommand(id, "afwijzen", version, why, data), "Besluit", ct);
            if (ok && result!.Proposal is not null)
            {
                Flash(ProposedMessage("de aanvraag afwijzen"));
                return Redirect(PagePaths.Case(id));
            }

            if (ok)
            {
                Flash($"Het besluit is genomen: de aanvraag is afgewezen. De zaak heeft nu de status ‘{result!.StateLabel}’.");
                return Redirect(PagePaths.Case(id));
            }
        }

        Rekey("Besluit", k => k switch
        {
            "amount" or "reason" => k,
            "Reason" => "reason",
            "sentDate" or "data.verzenddatum" => "sentDate",
            _ => null,
        });
        return await RefusedAfterCommandAsync(id, ct);
    }

    private static string ProposedMessage(string what) =>
        $"Uw voorstel ‘{what}’ staat klaar. Een collega bevestigt het besluit (vier-ogenprincipe); pas dan gaat het in.";

    /// <summary>A colleague confirms the proposed besluit (vier-ogenprincipe): it takes effect now.</summary>
    public async Task<IActionResult> OnPostVoorstelBevestigenAsync(Guid id, int version, CancellationToken ct)
    {
        var (ok, result) = await TrySendAsync(new Proposals.DecideProposalCommand(id, Proposals.ProposalOutcome.Confirm, version, null), "Voorstel", ct);
        if (ok)
        {
            Flash($"U heeft het besluit bevestigd; het is genomen. De zaak heeft nu de status ‘{result!.StateLabel}’.");
            return Redirect(PagePaths.Case(id));
        }

        return await RefusedAfterCommandAsync(id, ct);
    }

    /// <summary>The proposer withdraws the proposal, or a colleague declines it with a reason: nothing takes effect.</summary>
    public async Task<IActionResult> OnPostVoorstelAfwijzenAsync(Guid id, int version, string? reason, CancellationToken ct)
    {
        Remember("Voorstel", new Dictionary<string, string> { ["reason"] = reason ?? string.Empty });
        var (ok, _) = await TrySendAsync(new Proposals.DecideProposalCommand(id, Proposals.ProposalOutcome.Reject, version, reason), "Voorstel", ct);
        if (ok)
        {
            Flash("Het voorstel is van tafel; er is geen besluit genomen.");
            return Redirect(PagePaths.Case(id));
        }

        Rekey("Voorstel", k => k.Equals("reason", StringComparison.OrdinalIgnoreCase) ? "reason" : null);
        return await RefusedAfterCommandAsync(id, ct);
    }

    /// <summary>A proposal's data as a person reads it: the amount in euros, dates in Dutch, other values as given.</summary>
    public static string ProposalValue(string name, JsonElement value) => (name, value.ValueKind) switch
    {
        ("bedrag", JsonValueKind.Number) => NlFormat.Money(value.GetDecimal()),
        (_, JsonValueKind.String) when DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => NlFormat.Date(date),
        (_, JsonValueKind.String) => value.GetString()!,
        (_, JsonValueKind.True) => "ja",
        (_, JsonValueKind.False) => "nee",
        _ => value.GetRawText(),
    };

    /// <summary>The signed-in person claims the case (becomes its behandelaar).</summary>
    public Task<IActionResult> OnPostOppakkenAsync(Guid id, int version, CancellationToken ct) =>
        ChangeBehandelaarAsync(id, new Behandelaar.ChangeBehandelaarCommand(id, Behandelaar.BehandelaarChange.Claim, version), "De zaak is bij u in behandeling.", ct);

    /// <summary>The behandelaar (or a beheerder) hands the case to a colleague, with a note.</summary>
    public Task<IActionResult> OnPostOverdragenAsync(Guid id, int version, string? to, string? note, CancellationToken ct)
    {
        Remember("Overdragen", new Dictionary<string, string> { ["to"] = to ?? string.Empty, ["note"] = note ?? string.Empty });
        return ChangeBehandelaarAsync(id, new Behandelaar.ChangeBehandelaarCommand(id, Behandelaar.BehandelaarChange.HandOver, version, to, note), "De zaak is overgedragen.", ct);
    }

    /// <summary>The behandelaar (or a beheerder) gives the case back to the organisation.</summary>
    public Task<IActionResult> OnPostVrijgevenAsync(Guid id, int version, CancellationToken ct) =>
        ChangeBehandelaarAsync(id, new Behandelaar.ChangeBehandelaarCommand(id, Behandelaar.BehandelaarChange.Release, version), "De zaak is vrijgegeven; een collega kan haar nu in behandeling nemen.", ct);

    private async Task<IActionResult> ChangeBehandelaarAsync(Guid id, Behandelaar.ChangeBehandelaarCommand command, string done, CancellationToken ct)
    {
        var (ok, _) = await TrySendAsync(command, "Overdragen", ct);
        if (ok)
        {
            Flash(done);
            return Redirect(PagePaths.Case(id));
        }

        return await RefusedAfterCommandAsync(id, ct);
    }

    /// <summary>The Awb 4:14 notice: the decision cannot be given within the term; the applicant gets a new date and the reason.</summary>
    public async Task<IActionResult> OnPostVerdagingAsync(Guid id, int version, string? newDueDate, string? reason, CancellationToken ct)
    {
        Remember("Verdaging", new Dictionary<string, string> { ["newDueDate"] = newDueDate ?? string.Empty, ["reason"] = reason ?? string.Empty });
        DateOnly? date = DateOnly.TryParseExact(newDueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        if (date is null)
        {
            ModelState.AddModelError("Verdaging.newDueDate", "Vul de nieuwe datum in waarop het besluit tegemoet kan worden gezien.");
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, ct);
        }

        var (ok, result) = await TrySendAsync(new Deadlines.PostponeBeslistermijnCommand(id, version, new Deadlines.VerdagingRequest(date, reason, null)), "Verdaging", ct);
        if (ok)
        {
            var due = result!.Deadlines.FirstOrDefault(d => d.Kind == TermKinds.Beslistermijn.Id && d.Status == DeadlineStatus.Running)?.DueDate;
            Flash($"De aanvrager krijgt bericht dat de beslistermijn niet wordt gehaald (Awb 4:14). Nieuwe uiterste datum: {(due is { } d ? NlFormat.Date(d) : NlFormat.Date(date.Value))}.");
            return Redirect(PagePaths.Case(id));
        }

        Rekey("Verdaging", k => k is "newDueDate" or "reason" ? k : k == "notifiedOn" ? "newDueDate" : null);
        return await RefusedAfterCommandAsync(id, ct);
    }

    /// <summary>The field of a form: its id is what the error summary links to, its errors come from ModelState.</summary>
    public CaseFieldView Field(string key, string name, string label, string type, bool required, string? defaultValue, string? hint = null, IReadOnlyList<(string Value, string Text)>? choices = null, string? form = null, string? postedKey = null)
    {
        var errors = ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() : [];
        var value = form is not null && PostedForm == form && Posted.TryGetValue(postedKey ?? name, out var p) ? p : defaultValue;
        return new CaseFieldView(FieldIds.For(key), name, label, hint, type, required, value, errors, choices ?? []);
    }

    /// <summary>How a workflow input field is asked for: control type, choices and a sensible default.</summary>
    public (string Type, IReadOnlyList<(string Value, string Text)> Choices, string? Default) FieldShape(ActionInputFieldDto field, string actionId) => field switch
    {
        // A case is agendered on a planned meeting of the body, never on a free text.
        { Name: Meetings.BodyAgenda.MeetingField } => ("select", Extras.MeetingChoices.GetValueOrDefault(actionId, []).Select(m => (m.Value, m.Text)).ToList(), null),
        { Name: Workflows.Guards.DuplicaatBestaatGuard.Field } => ("select", Extras.OtherOpenCases.Select(m => (m.Value, m.Text)).ToList(), null),
        _ => FieldShape(field),
    };

    private (string Type, IReadOnlyList<(string Value, string Text)> Choices, string? Default) FieldShape(ActionInputFieldDto field) => field.Type switch
    {
        "number" => ("decimal", [], null),
        "integer" => ("number", [], null),
        "date" => ("date", [], field.Name == "verzenddatum" ? NlFormat.IsoDate(Today) : null),
        "choice" => ("select", field.Choices.Select(x => (x, ChoiceLabel(field.Name, x))).ToList(), field.Name == "advies" ? Extras.Application?.Advice?.ToString().ToLowerInvariant() : null),
        "yesno" => ("select", [("true", "Ja"), ("false", "Nee")], null),
        _ => ("text", [], null),
    };

    /// <summary>What a person needs to know to fill in a workflow input field.</summary>
    public string? FieldHint(ActionInputFieldDto field) => field.Name switch
    {
        "termijnDagen" => $"Leeg laten voor de standaardtermijn van {Extras.HerstelTerm.Length}." + Bounds(field, " dagen"),
        "verzenddatum" => "De dag waarop het besluit wordt verzonden; de bezwaartermijn begint de dag erna (Awb 6:8).",
        "bedrag" or "vastgesteldBedrag" => "Bijvoorbeeld 1.250.000 of 1250000,50.",
        Meetings.BodyAgenda.MeetingField => "De zaak komt op de agenda van deze vergadering. Staat zij er niet bij, plan haar dan eerst onder Vergaderingen.",
        Workflows.Guards.DuplicaatBestaatGuard.Field => "De openstaande zaak van dezelfde soort waarmee deze wordt samengevoegd.",
        _ => null,
    };

    private static string Bounds(ActionInputFieldDto field, string unit) => (field.Minimum, field.Maximum) switch
    {
        ({ } min, { } max) => $" Anders {NlFormat.Number(min)} tot en met {NlFormat.Number(max)}{unit}.",
        ({ } min, null) => $" Anders ten minste {NlFormat.Number(min)}{unit}.",
        (null, { } max) => $" Anders ten hoogste {NlFormat.Number(max)}{unit}.",
        _ => string.Empty,
    };

    /// <summary>A choice as a reader knows it: a domain by its Dutch name, an organisation by its name; anything else as it is.</summary>
    private string ChoiceLabel(string field, string value) => field switch
    {
        "domein" => Labels.Domein(value) ?? value,
        _ => Extras.OrganisationNames.TryGetValue(value, out var name) ? name : value,
    };

    public static string FieldLabel(string name) => name switch
    {
        "verzenddatum" => "Verzenddatum van het besluit",
        "bedrag" => "Bedrag in euro's",
        "advies" => "Advies",
        "startdatum" => "Startdatum van de bouw",
        "opleverdatum" => "Opleverdatum",
        "aantalWoningen" => "Aantal woningen",
        "resultaat" => "Resultaat",
        "vastgesteldBedrag" => "Vastgesteld bedrag in euro's",
        "termijnDagen" => "Hersteltermijn in dagen",
        "domein" => "Domein",
        "trekkendDepartement" => "Trekkend departement",
        "voorgesteldeOplossing" => "Voorgestelde oplossing",
        Meetings.BodyAgenda.MeetingField => "Vergadering",
        _ => char.ToUpperInvariant(name[0]) + name[1..],
    };

    public string OrganisationName(string? code) =>
        code is null ? "niemand" : Labels.Organisation(code, Extras.OrganisationNames.GetValueOrDefault(code));

    private void Remember(string form, Dictionary<string, string> values)
    {
        PostedForm = form;
        Posted = values;
    }

    /// <summary>Field errors of a command come named as the API names them; the fields of this page are named after the form.</summary>
    private void Rekey(string prefix, Func<string, string?> map)
    {
        var moves = ModelState.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, Target: map(e.Key[(prefix.Length + 1)..]), Messages: e.Value!.Errors.Select(x => x.ErrorMessage).ToList()))
            .Where(m => m.Target != m.Key[(prefix.Length + 1)..])
            .ToList();
        foreach (var (key, target, messages) in moves)
        {
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(target is null ? string.Empty : $"{prefix}.{target}", message);
            }
        }
    }

    /// <summary>After a refused command the case may have moved on: show its current state with the errors.</summary>
    private async Task<IActionResult> RefusedAfterCommandAsync(Guid id, CancellationToken ct)
    {
        var status = ViewData[FlashMessages.BrokenRulesKey] is not null ? StatusCodes.Status422UnprocessableEntity
            : ModelState.Any(e => e.Key.Length > 0 && e.Value is { Errors.Count: > 0 }) ? StatusCodes.Status400BadRequest
            : StatusCodes.Status409Conflict;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Refused(status);
    }

    private async Task<IActionResult> RefuseAsync(Guid id, int status, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Refused(status) : NotFound();

    private async Task<CasePageExtrasDto?> ExtrasAsync(Guid id, CancellationToken ct)
    {
        try
        {
            return await QueryAsync(new GetCasePageExtrasQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private WorkflowDefinition DefinitionOf(DefinitionRefDto reference) =>
        Service<DefinitionCatalog>().Find(reference.Id, reference.Version)?.Definition
        ?? throw new InvalidOperationException($"Definition {reference.Id} v{reference.Version} is not loaded.");

    private PageResult Refused(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Case = await QueryAsync(new GetCaseQuery(id), ct);
            History = await QueryAsync(new GetCaseHistoryQuery(id), ct);
            Deliveries = await QueryAsync(new Delivery.GetCaseDeliveriesQuery(id), ct);
            Extras = await QueryAsync(new GetCasePageExtrasQuery(id), ct);
            About = await QueryAsync(new GetCaseContentQuery(id), ct);
            Knelpunt = Case.Type == KnelpuntCaseType ? await QueryAsync(new Knelpunten.GetKnelpuntQuery(id), ct) : null;
            Vastloper = Case.Type == VastloperCaseType ? await QueryAsync(new Vastlopers.GetVastloperQuery(id), ct) : null;
            HasAfterAward = await QueryAsync(new AfterAward.HasAfterAwardQuery(id), ct);
            Herkansing = Extras.Application is null ? null : await QueryAsync(new Applications.HerkansingOptionsQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Definition = DefinitionOf(Case.Definition);
        Today = AmsterdamClock.Today(Service<TimeProvider>());
        Behandeling = Behandelaar.BehandelaarRules.OptionsFor(Case.Closed, Case.RoutedTo, Case.Behandelaar?.UserId, Service<Infrastructure.Auth.ICurrentActor>().Actor);
        Colleagues = Behandeling.MayHandOver
            ? [.. (await QueryAsync(new Behandelaar.GetColleaguesQuery(id), ct)).Where(c => c.UserId != Case.Behandelaar?.UserId)]
            : [];
        Timeline = BuildTimeline();
        BuildActions();
        if (CanScore)
        {
            Committee = await QueryAsync(new Applications.CommitteeScoring.GetCommitteeScoringQuery(id), ct);
        }

        return true;
    }

    private List<TimelineEntry> BuildTimeline()
    {
        var labels = Definition.Actions.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
        var entries = History.Statuses.Select(s => new TimelineEntry(
            s.At,
            s.Sequence,
            Labels.Person(s.ActorUserId),
            s.ActorOrganisation,
            s.Action is null ? "Zaak aangemaakt" : labels.GetValueOrDefault(s.Action, s.Action),
            s.Label,
            s.Reason)).ToList();

        // The audit trail records every transition too; show those once (as the status change) and the rest as they are.
        var transitions = History.Statuses.Where(s => s.Action is not null).Select(s => "zaak." + s.Action).Append("zaak.aangemaakt").ToHashSet(StringComparer.Ordinal);
        entries.AddRange(History.Events.Where(e => !transitions.Contains(e.Action)).Select(e => new TimelineEntry(
            e.At, e.Sequence, Labels.Person(e.ActorUserId), e.ActorOrganisation, DescribeEvent(e.Action, labels), null, e.Reason)));
        entries.AddRange(Deliveries.Select(d => new TimelineEntry(d.DeliveredAt ?? d.NextAttemptAt, 0, string.Empty, string.Empty, Delivery.DeliveryLabels.TimelineLine(d), null, d.Status == Domain.Delivery.DeliveryStatus.Delivered ? null : d.LastError, ByPerson: false)));
        return [.. entries.OrderByDescending(e => e.At).ThenByDescending(e => e.StateLabel is not null).ThenByDescending(e => e.Order)];
    }

    private static string DescribeEvent(string action, IReadOnlyDictionary<string, string> labels) => action switch
    {
        "zaak.voorstel.ingetrokken" => "Voorgesteld besluit ingetrokken",
        "zaak.voorstel.afgewezen" => "Voorgesteld besluit afgewezen door een collega",
        _ when action.StartsWith(ProposedPrefix, StringComparison.Ordinal) =>
            $"Besluit voorgesteld: {labels.GetValueOrDefault(action[ProposedPrefix.Length..], "besluit")} (wacht op bevestiging door een collega)",
        "document.toegevoegd" => "Document toegevoegd aan het dossier",
        "document.verwijderd" => "Document uit het dossier verwijderd",
        "document.gedownload" => "Document gedownload",
        "termijn.verlopen" => "Termijn verlopen",
        "aanvraag.betalingGeregistreerd" => "Betaling geregistreerd",
        "aanvraag.terugvorderingGeregistreerd" => "Terugvordering geregistreerd",
        "agenda.geagendeerd" => "Geagendeerd voor een vergadering",
        "agenda.doorgeschoven" => "Doorgeschoven naar de volgende vergadering",
        "zaak.afgeleid" => "Vervolgzaak aangemaakt",
        "zaak.behandelaar.oppakken" => "In behandeling genomen",
        "zaak.behandelaar.overdragen" => "Overgedragen aan een collega",
        "zaak.behandelaar.toewijzen" => "Toegewezen aan een behandelaar",
        "zaak.behandelaar.vrijgeven" => "Vrijgegeven (geen behandelaar meer)",
        "mijlpaal.gemeld" => "Mijlpaal gemeld",
        "mijlpaal.beoordeeld" => "Mijlpaal beoordeeld",
        "sisa.verantwoord" => "Verantwoording via SiSa ingediend",
        "sisa.uitstelGevraagd" => "Uitstel van de verantwoording gevraagd",
        "sisa.uitstelVerleend" => "Uitstel van de verantwoording verleend",
        "sisa.uitstelGeweigerd" => "Uitstel van de verantwoording geweigerd",
        "aanvraag.vastgesteld" => "Uitkering vastgesteld",
        "toekenning.voorwaardenGewijzigd" => "Voorwaarden van de toekenning gewijzigd",
        _ => action,
    };

    /// <summary>The audit action of a proposal under the vier-ogenprincipe: <c>zaak.voorstel.{actionId}</c>.</summary>
    private const string ProposedPrefix = "zaak.voorstel.";

    private void BuildActions()
    {
        var views = new List<ActionView>();
        var decisions = new List<(AvailableActionDto Action, IReadOnlyList<ReasonDto> Reasons)>();
        foreach (var action in Case.AvailableActions)
        {
            var reasons = action.Reasons.ToList();
            if (DecisionActionIds.Contains(action.Id) && Extras.Application is not null)
            {
                decisions.Add((action, reasons));
                continue;
            }

            views.Add(View(action, action.Allowed, reasons));
        }

        var may = decisions.Where(d => d.Reasons.Count == 0).Select(d => d.Action.Id).ToHashSet(StringComparer.Ordinal);
        var options = new List<(string, string)>();
        if (may.Contains("toekennen") || may.Contains("gedeeltelijkToekennen"))
        {
            options.Add(("toekennen", "Toekennen (het volledige of een lager bedrag)"));
        }

        if (may.Contains("afwijzen"))
        {
            options.Add(("afwijzen", "Afwijzen"));
        }

        DecisionOptions = options;
        DecisionNeedsConfirmation = decisions.Any(d => d.Action.RequiresConfirmation);

        // Whoever may not decide still sees the decisions and why not.
        if (options.Count == 0)
        {
            views.AddRange(decisions.Select(d => View(d.Action, false, d.Reasons)));
        }

        var adviseren = Case.AvailableActions.FirstOrDefault(a => a.Id == "adviseren");
        CanScore = Extras.Application is not null && adviseren is not null
            && adviseren.Reasons.All(r => r.Guard is not null);
        var actor = Service<Infrastructure.Auth.ICurrentActor>().Actor;
        Postponable = Case.RoutedTo is { } routed && routed == actor.Organisation && !actor.Roles.All(r => r == Domain.Access.Role.Auditor)
            ? Case.Deadlines.FirstOrDefault(d => d.Kind == TermKinds.Beslistermijn.Id && d.Status == DeadlineStatus.Running && d.DueDate >= Today)
            : null;
        // What this user may do now comes first; what is theirs but blocked (a guard, missing input) next, with the
        // reasons; what only someone else can do is not listed as a dead button but summed up in "Aan zet".
        Actions = views.Where(v => v.Allowed)
            .Concat(views.Where(v => !v.Allowed && !ForSomeoneElse(v.Reasons)))
            .ToList();
        AtTurn = DescribeAtTurn(views);
    }

    /// <summary>Refused for who the user is (role, organisation, the system's own action), not for the case's facts.</summary>
    private static bool ForSomeoneElse(IReadOnlyList<ReasonDto> reasons) =>
        reasons.Any(r => r.Code is "wrong-role" or "wrong-organisation" or "system-only");

    /// <summary>"Aan zet": who must act next and what they can do, in one line; "niemand" only when no person or organisation has to act.</summary>
    public string AtTurn { get; private set; } = string.Empty;

    private string DescribeAtTurn(IReadOnlyList<ActionView> views)
    {
        if (Case.Closed)
        {
            return "Niemand: de zaak is afgesloten.";
        }

        var state = Definition.FindState(Case.State);
        var owner = state?.Owner;
        var kind = owner switch
        {
            StateOwner.Initiator => ActorKind.Initiator,
            StateOwner.Routed => ActorKind.Routed,
            StateOwner.Secretariat => ActorKind.Secretariat,
            _ => (ActorKind?)null,
        };
        var definitions = Case.AvailableActions
            .Select(a => (Dto: a, Definition: Definition.FindAction(a.Id)))
            .Where(a => a.Definition is not null)
            .ToList();
        var owed = definitions.Where(a => a.Definition!.Actor == kind).ToList();
        if (owed.Count > 1)
        {
            // Withdrawing or closing is always open to the initiator; it is not what the case waits for.
            var onward = owed.Where(a => Definition.FindState(a.Definition!.To)?.Final != true).ToList();
            owed = onward.Count > 0 ? onward : owed;
        }

        var actor = Service<Infrastructure.Auth.ICurrentActor>().Actor;
        var mine = views.Where(v => v.Allowed).Select(v => v.Action.Id).ToHashSet(StringComparer.Ordinal);
        if (owed.Count > 0)
        {
            var labels = Or(owed.Select(a => a.Dto.Label.ToLowerInvariant()).Distinct().ToList());
            var who = kind switch
            {
                ActorKind.Initiator => OrganisationName(Case.Organisation),
                ActorKind.Routed when Case.RoutedTo is { } routed => OrganisationName(routed),
                ActorKind.Secretariat when owed[0].Definition!.Body is { } body => "het secretariaat van " + OrganisationName(body),
                _ => "de behandelaar",
            };
            var yours = owed.Any(a => mine.Contains(a.Dto.Id)) ? " (dat bent u)" : string.Empty;
            return $"{Capitalise(who)}{yours}: {labels}.";
        }

        var waiting = Case.Deadlines.Where(d => d.Status == DeadlineStatus.Running).OrderBy(d => d.DueDate).FirstOrDefault();
        var optional = definitions.Where(a => a.Definition!.Actor != ActorKind.System).Select(a => a.Dto.Label.ToLowerInvariant()).Distinct().ToList();
        var wait = waiting is not null
            ? $"Niemand hoeft nu iets te doen: de zaak wacht op het einde van de {waiting.Name.ToLowerInvariant()} ({NlFormat.Date(waiting.DueDate)})."
            : "Niemand hoeft nu iets te doen.";
        return optional.Count > 0 ? $"{wait} Mogelijk: {Or(optional)}." : wait;
    }

    private static string Or(List<string> items) =>
        items.Count <= 1 ? string.Join(string.Empty, items) : string.Join(", ", items.Take(items.Count - 1)) + " of " + items[^1];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) + text[1..];

    private ActionView View(AvailableActionDto action, bool allowed, IReadOnlyList<ReasonDto> reasons)
    {
        var definition = Definition.FindAction(action.Id);
        var irreversible = definition is not null
            && (definition.Effects.Any(e => e.Name is "recordDecision" or "setResultaat") || Definition.FindState(definition.To)?.Final == true);
        if (action.Id == "verzoekHerstel")
        {
            var term = Extras.HerstelTerm;
            return new ActionView(
                action,
                allowed,
                reasons,
                irreversible,
                "Herstelverzoek",
                action.Input.Fields.Any(f => f.Name == "termijnDagen")
                    ? $"Vraag de gemeente de aanvraag aan te vullen. Standaard krijgt zij een {term.Name.ToLowerInvariant()} van {term.Length} ({term.LegalSource}): tot en met {NlFormat.Date(term.DueDate)}; u kunt hieronder een andere termijn in dagen opgeven. Zolang de termijn loopt, is de beslistermijn opgeschort (Awb 4:15)."
                    : $"Vraag de gemeente de aanvraag aan te vullen. Zij krijgt een {term.Name.ToLowerInvariant()} van {term.Length} ({term.LegalSource}): tot en met {NlFormat.Date(term.DueDate)}. Zolang is de beslistermijn opgeschort (Awb 4:15).",
                "Wat moet de gemeente aanvullen?");
        }

        if (action.RequiresConfirmation)
        {
            // Under the vier-ogenprincipe the button only proposes: nothing is irreversible until a colleague confirms.
            return new ActionView(action, allowed, reasons, false, action.Label + " (voorstellen)", "U stelt dit besluit voor; een collega bevestigt het (vier-ogenprincipe). Pas dan gaat het in.", $"Toelichting bij ‘{action.Label}’");
        }

        return new ActionView(action, allowed, reasons, irreversible, action.Label, null, $"Toelichting bij ‘{action.Label}’");
    }
}
