using System.Globalization;
using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Web.Features.Pages;
using Casework.Web.Features.Reference;
using Casework.Web.Features.Tranches;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// <c>/aanvragen/nieuw</c>: pick an open round, then fill in the VHF or WBI form and save it as a draft with the same
/// <see cref="CreateApplicationCommand"/> the API runs (its validator's errors appear next to the fields). The draft
/// then opens at <c>/aanvragen/{id}</c>, where it can be changed and submitted.
/// </summary>
public sealed class NewApplicationModel : ApplicationFormPageModel
{
    /// <summary>The rounds whose window is open now (the choice before the form).</summary>
    public IReadOnlyList<TrancheSummaryDto> OpenRounds { get; private set; } = [];

    public TrancheSummaryDto? Round { get; private set; }

    /// <param name="herkansingOf">The zaaknummer of a rejected application this one re-submits (the case page's herkansing offer).</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ronde")] Guid? round, [FromQuery(Name = "herkansing-van")] string? herkansingOf, CancellationToken ct)
    {
        if (RefuseUnlessApplicant() is { } refused)
        {
            return refused;
        }

        OpenRounds = await OpenRoundsAsync(ct);
        if (round is null)
        {
            return Page();
        }

        Round = OpenRounds.FirstOrDefault(r => r.Id == round);
        if (Round is null)
        {
            ModelState.AddModelError(string.Empty, "Deze ronde is niet open voor aanvragen. Kies een open ronde.");
            var page = Page();
            page.StatusCode = StatusCodes.Status404NotFound;
            return page;
        }

        Input = new ApplicationForm
        {
            TrancheId = Round.Id,
            Herkansing = !string.IsNullOrWhiteSpace(herkansingOf),
            PreviousApplicationReference = string.IsNullOrWhiteSpace(herkansingOf) ? null : herkansingOf.Trim(),
        };
        await PrepareFormAsync(Round, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (RefuseUnlessApplicant() is { } refused)
        {
            return refused;
        }

        OpenRounds = await OpenRoundsAsync(ct);
        Round = OpenRounds.FirstOrDefault(r => r.Id == Input.TrancheId);
        if (Round is null)
        {
            ModelState.AddModelError(string.Empty, "Deze ronde is niet (meer) open voor aanvragen. Kies een open ronde.");
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }

        await PrepareFormAsync(Round, ct);
        if (ToRequest() is not { } request)
        {
            return Invalid();
        }

        var (ok, created) = await TrySendAsync(new CreateApplicationCommand(request), string.Empty, ct);
        if (!ok || created is null)
        {
            return Invalid();
        }

        Flash($"Het concept {created.Reference} is opgeslagen. U kunt het nog aanvullen; dien het in vóór de ronde sluit.");
        return Redirect(ApplicationPaths.Edit(created.Id));
    }

    private async Task<IReadOnlyList<TrancheSummaryDto>> OpenRoundsAsync(CancellationToken ct) =>
        (await QueryAsync(new ListTranchesQuery(null), ct)).Where(t => t.Status == TrancheStatus.Open).ToList();
}

/// <summary>The application pages' addresses.</summary>
public static class ApplicationPaths
{
    public static string Edit(Guid id) => $"/aanvragen/{id}";

    public static string New(Guid roundId) => $"{PagePaths.NewApplication}?ronde={roundId}";
}

/// <summary>
/// What the new-application and draft pages share: the form (<see cref="Input"/>), turning it into the API's
/// <see cref="ApplicationRequest"/> (amounts as Dutch readers type them), and putting the validator's errors, which
/// name fields as the API does ("homes.socialeHuur"), next to the form's fields ("Input.SocialeHuur").
/// </summary>
public abstract class ApplicationFormPageModel : CaseworkPageModel
{
    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    public Regeling Regeling { get; protected set; }

    public string RoundName { get; protected set; } = string.Empty;

    public DateTimeOffset? RoundClosesAt { get; protected set; }

    public IReadOnlyList<SelectListItem> Focusgebieden { get; private set; } = [];

    protected IActionResult? RefuseUnlessApplicant()
    {
        if (Service<ICurrentActor>().Actor.Roles.Contains(Role.GemeenteAanvrager))
        {
            return null;
        }

        return PageAccess.Denied(this, "Alleen een aanvrager van een gemeente kan een aanvraag opstellen.");
    }

    protected async Task PrepareFormAsync(TrancheSummaryDto round, CancellationToken ct)
    {
        Regeling = round.Regeling;
        RoundName = round.Name;
        RoundClosesAt = round.ClosesAt;
        Focusgebieden = (await QueryAsync(new ListFocusgebiedenQuery(), ct))
            .Select(f => new SelectListItem($"{f.Name} (gemeente {f.GemeenteName})", f.Code))
            .ToList();
        GemeenteNames = await Service<Persistence.CaseworkDbContext>().Organisations.AsNoTracking()
            .Where(o => o.Kind == Casework.Domain.Organisations.OrganisationKind.Gemeente)
            .ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct);
        var rules = Casework.Domain.Funding.FundingRuleSetJson.Deserialize((await QueryAsync(new GetTrancheQuery(round.Id), ct)).RuleSet.GetRawText());
        RoundRequiredDocuments = (rules.RequiredDocuments ?? [])
            .Select(r => new RequiredDocumentDto(r.Informatieobjecttype, Casework.Domain.Documents.InformatieobjecttypeCatalogus.Label(r.Informatieobjecttype), r.Source, Present: false))
            .ToList();
    }

    /// <summary>Every gemeente by CBS code, so the form takes and shows the other gemeenten of a regional application by name.</summary>
    protected IReadOnlyDictionary<string, string> GemeenteNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The other gemeenten as the form shows them: their names (a code without a known name as it is).</summary>
    protected string JointMembersByName(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => GemeenteNames.GetValueOrDefault(c, c)));

    /// <summary>
    /// The other gemeenten as typed: names ("Schiedam", "gemeente Vlaardingen") or CBS codes, separated by commas,
    /// semicolons or line breaks, as codes; null (with the field's error) when one names no gemeente.
    /// </summary>
    private List<string>? JointMemberCodes(string? typed)
    {
        var byName = GemeenteNames.GroupBy(g => g.Value, StringComparer.CurrentCultureIgnoreCase).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.CurrentCultureIgnoreCase);
        var codes = new List<string>();
        var unknown = new List<string>();
        foreach (var part in (typed ?? string.Empty).Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.StartsWith("gemeente ", StringComparison.OrdinalIgnoreCase) ? part["gemeente ".Length..].Trim() : part;
            if (Casework.Domain.Organisations.GemeenteCodes.IsValid(name.ToUpperInvariant()))
            {
                codes.Add(name.ToUpperInvariant());
            }
            else if (byName.TryGetValue(name, out var code))
            {
                codes.Add(code);
            }
            else
            {
                unknown.Add(part);
            }
        }

        if (unknown.Count > 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ApplicationForm.JointMembers)}", $"Geen gemeente met de naam {string.Join(", ", unknown.Select(u => $"‘{u}’"))}. Schrijf de naam zoals het CBS hem schrijft, bijvoorbeeld Schiedam of Súdwest-Fryslân.");
            return null;
        }

        return codes;
    }

    /// <summary>The bijlagen the round requires at submission (on a new application none is present yet).</summary>
    public IReadOnlyList<RequiredDocumentDto> RoundRequiredDocuments { get; private set; } = [];

    protected IActionResult Invalid(int status = StatusCodes.Status400BadRequest)
    {
        MoveApiErrorsToFields();
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    /// <summary>The form as the API's request, or null (with field errors) when an amount or number cannot be read.</summary>
    protected ApplicationRequest? ToRequest()
    {
        var f = Input;
        var deficit = Amount(nameof(f.FinancialDeficit), f.FinancialDeficit, required: true);
        var requested = Amount(nameof(f.RequestedAmount), f.RequestedAmount, required: true);
        var own = Amount(nameof(f.OwnContribution), f.OwnContribution, required: true);
        var maxKoop = Amount(nameof(f.MaxKoopPrice), f.MaxKoopPrice);
        var volume = Amount(nameof(f.InvestmentVolume), f.InvestmentVolume);
        var projectCosts = Amount(nameof(f.GemeenteProjectCosts), f.GemeenteProjectCosts);
        var primary = Amount(nameof(f.PrimaryActivitiesAmount), f.PrimaryActivitiesAmount);
        var secondary = Amount(nameof(f.SecondaryActivitiesAmount), f.SecondaryActivitiesAmount);
        var start = Date(nameof(f.PlannedConstructionStartDate), f.PlannedConstructionStartDate);
        var completion = Date(nameof(f.PlannedCompletionDate), f.PlannedCompletionDate);
        if (!ModelState.IsValid)
        {
            return null;
        }

        if (JointMemberCodes(f.JointMembers) is not { } members)
        {
            return null;
        }

        var residents = f.RightOfReturn || f.RehousingArranged || f.ResidentParticipation
            || !string.IsNullOrWhiteSpace(f.RightOfReturnExplanation) || !string.IsNullOrWhiteSpace(f.RehousingPlan) || !string.IsNullOrWhiteSpace(f.ParticipationPlan)
            ? new ResidentsInterestsDto(f.RightOfReturn, Blank(f.RightOfReturnExplanation), f.RehousingArranged, Blank(f.RehousingPlan), f.ResidentParticipation, Blank(f.ParticipationPlan))
            : null;
        return new ApplicationRequest(
            f.TrancheId,
            Blank(f.ProjectName),
            Blank(f.Focusgebied),
            Blank(f.OtherArea),
            members,
            new HomesDto(f.SocialeHuur ?? 0, f.Middenhuur ?? 0, f.BetaalbareKoop ?? 0, f.Other ?? 0),
            maxKoop,
            volume,
            deficit ?? 0m,
            requested ?? 0m,
            own ?? 0m,
            projectCosts,
            primary,
            secondary,
            start ?? default,
            completion ?? default,
            residents,
            f.Herkansing,
            f.Herkansing ? Blank(f.PreviousApplicationReference) : null)
        {
            StudentHousing = f.StudentHousing,
        };
    }

    /// <summary>
    /// The validator names fields as the JSON does; the form binds them as <c>Input.X</c>. Each error moves to its
    /// field (so the summary links to it and the field shows it); one that belongs to no field stays in the summary.
    /// </summary>
    protected void MoveApiErrorsToFields()
    {
        // The round and the version are hidden fields: their errors belong in the summary, not at an invisible control.
        var fields = typeof(ApplicationForm).GetProperties().Select(p => p.Name)
            .Where(n => n is not nameof(ApplicationForm.TrancheId) and not nameof(ApplicationForm.Version))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in ModelState.Keys.Where(k => k.Length > 0 && !k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            var entry = ModelState[key]!;
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var leaf = key.Split('.')[^1];
            var bracket = leaf.IndexOf('[', StringComparison.Ordinal);
            leaf = bracket >= 0 ? leaf[..bracket] : leaf;
            var target = string.Equals(key, "homes", StringComparison.OrdinalIgnoreCase) ? nameof(ApplicationForm.SocialeHuur)
                : fields.FirstOrDefault(p => string.Equals(p, leaf, StringComparison.OrdinalIgnoreCase));
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(target is null ? string.Empty : "Input." + target, message);
            }
        }
    }

    private decimal? Amount(string field, string? text, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError("Input." + field, "Vul een bedrag in euro's in (0 als er geen is).");
            }

            return null;
        }

        if (DutchAmount.TryParse(text, out var value))
        {
            return value;
        }

        ModelState.AddModelError("Input." + field, $"'{text}' is geen bedrag. Schrijf bijvoorbeeld 1.250.000 of 1250000,50.");
        return null;
    }

    private DateOnly? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError("Input." + field, "Vul de datum in als dag-maand-jaar, bijvoorbeeld 01-06-2027.");
            return null;
        }

        if (DutchDate.TryParse(text, out var value))
        {
            return value;
        }

        ModelState.AddModelError("Input." + field, $"'{text}' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 01-06-2027.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Reads an amount as a Dutch reader writes it: "€ 1.250.000", "1250000", "1.250.000,50", "1250000,50". A dot followed
/// by exactly three digits is a thousands separator; otherwise a lone dot is a decimal point ("12.5").
/// </summary>
public static class DutchAmount
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static bool TryParse(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Replace("€", string.Empty, StringComparison.Ordinal).Replace("EUR", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal).Trim();
        if (s.EndsWith(",-", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        const NumberStyles Style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;
        if (s.Contains(',', StringComparison.Ordinal))
        {
            return decimal.TryParse(s, Style, Nl, out value);
        }

        var parts = s.Split('.');
        if (parts.Length > 1 && parts.Skip(1).All(p => p.Length == 3))
        {
            return decimal.TryParse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string Format(decimal? value) => value is { } v
        ? v.ToString(decimal.Round(v, 0) == v ? "#,##0" : "#,##0.00", Nl)
        : string.Empty;
}

/// <summary>
/// Reads a date as Dutch readers write it (dag-maand-jaar: "1-6-2027", "01-06-2027", "01/06/2027") or as ISO
/// ("2027-06-01"). A text field rather than the browser's date picker: the picker's day/month order follows the
/// browser's language, not the page's, and is hard to use with a screen reader.
/// </summary>
public static class DutchDate
{
    private static readonly string[] Formats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string text, out DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static string Format(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}

/// <summary>The application form as the page binds it: the API's request, flattened, with amounts as typed text.</summary>
public sealed class ApplicationForm
{
    public Guid TrancheId { get; set; }

    /// <summary>The case version the draft page was shown at (optimistic concurrency, as the API's If-Match).</summary>
    public int Version { get; set; }

    public string? ProjectName { get; set; }

    public string? Focusgebied { get; set; }

    public string? OtherArea { get; set; }

    public string? JointMembers { get; set; }

    public int? SocialeHuur { get; set; }

    public int? Middenhuur { get; set; }

    public int? BetaalbareKoop { get; set; }

    public int? Other { get; set; }

    public string? MaxKoopPrice { get; set; }

    public bool StudentHousing { get; set; }

    public string? InvestmentVolume { get; set; }

    public string? FinancialDeficit { get; set; }

    public string? RequestedAmount { get; set; }

    public string? OwnContribution { get; set; }

    public string? GemeenteProjectCosts { get; set; }

    public string? PrimaryActivitiesAmount { get; set; }

    public string? SecondaryActivitiesAmount { get; set; }

    public string? PlannedConstructionStartDate { get; set; }

    public string? PlannedCompletionDate { get; set; }

    public bool RightOfReturn { get; set; }

    public string? RightOfReturnExplanation { get; set; }

    public bool RehousingArranged { get; set; }

    public string? RehousingPlan { get; set; }

    public bool ResidentParticipation { get; set; }

    public string? ParticipationPlan { get; set; }

    public bool Herkansing { get; set; }

    public string? PreviousApplicationReference { get; set; }

    public static ApplicationForm From(ApplicationDto a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new()
        {
            TrancheId = a.TrancheId,
            Version = a.Version,
            ProjectName = a.ProjectName,
            Focusgebied = a.Focusgebied,
            OtherArea = a.OtherArea,
            JointMembers = string.Join(", ", a.JointMembers),
            SocialeHuur = a.Homes.SocialeHuur,
            Middenhuur = a.Homes.Middenhuur,
            BetaalbareKoop = a.Homes.BetaalbareKoop,
            Other = a.Homes.Other,
            MaxKoopPrice = DutchAmount.Format(a.MaxKoopPrice),
            StudentHousing = a.StudentHousing,
            InvestmentVolume = DutchAmount.Format(a.InvestmentVolume),
            FinancialDeficit = DutchAmount.Format(a.FinancialDeficit),
            RequestedAmount = DutchAmount.Format(a.RequestedAmount),
            OwnContribution = DutchAmount.Format(a.OwnContribution),
            GemeenteProjectCosts = a.GemeenteProjectCosts == 0 ? string.Empty : DutchAmount.Format(a.GemeenteProjectCosts),
            PrimaryActivitiesAmount = DutchAmount.Format(a.PrimaryActivitiesAmount),
            SecondaryActivitiesAmount = DutchAmount.Format(a.SecondaryActivitiesAmount),
            PlannedConstructionStartDate = DutchDate.Format(a.PlannedConstructionStartDate),
            PlannedCompletionDate = DutchDate.Format(a.PlannedCompletionDate),
            RightOfReturn = a.ResidentsInterests?.RightOfReturn ?? false,
            RightOfReturnExplanation = a.ResidentsInterests?.RightOfReturnExplanation,
            RehousingArranged = a.ResidentsInterests?.RehousingArranged ?? false,
            RehousingPlan = a.ResidentsInterests?.RehousingPlan,
            ResidentParticipation = a.ResidentsInterests?.ResidentParticipation ?? false,
            ParticipationPlan = a.ResidentsInterests?.ParticipationPlan,
            Herkansing = a.Herkansing,
            PreviousApplicationReference = a.PreviousApplicationReference,
        };
    }
}
