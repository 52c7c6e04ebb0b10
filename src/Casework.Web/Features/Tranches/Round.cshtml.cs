using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Meetings;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// <c>/rondes/{id}</c>: a round's budget (ceiling, committed, paid, remaining, as meters and as figures), its rule set in
/// words with each rule's source, and for everyone but gemeenten the ranking (as <c>GET /api/v1/tranches/{id}</c>).
/// A VRO reviewer can compute the allocation proposal here (<see cref="ProposeAllocationQuery"/>; it writes nothing):
/// with htmx the proposal replaces a region while a busy indicator shows, without JavaScript the page reloads with it.
/// </summary>
public sealed class RoundModel : CaseworkPageModel
{
    private static readonly Dictionary<string, string> RuleLabels = new(StringComparer.Ordinal)
    {
        ["windowSource"] = "Tijdvak",
        ["minimumHomes"] = "Minimum aantal woningen",
        ["alternativeMinimumVolume"] = "Of een investeringsvolume van ten minste",
        ["affordableShareMinimum"] = "Minimaal aandeel betaalbare woningen",
        ["koopPriceLimit"] = "Prijsgrens betaalbare koop",
        ["ownContributionShareOfDeficit"] = "Minimale eigen bijdrage (deel van het tekort)",
        ["projectCostCapShareOfRequest"] = "Maximale projectkosten gemeente (deel van de aanvraag)",
        ["maximumAmountPerApplication"] = "Maximaal bedrag per aanvraag",
        ["primaryActivitiesShareMinimum"] = "Minimaal deel voor primaire activiteiten",
        ["maxApplicationsPerGemeente"] = "Maximaal aantal aanvragen per gemeente",
        ["oneAwardPerGemeente"] = "Ten hoogste één toekenning per gemeente",
        ["herkansing"] = "Herkansing",
        ["scoring"] = "Beoordeling (criteria en wegingen)",
        ["beslistermijn"] = "Beslistermijn",
        ["startConstructionYears"] = "Start bouw binnen (jaren na het besluit)",
        ["completionYears"] = "Gereed binnen (jaren na het besluit)",
        ["homes"] = "woningen",
        ["inhabitantsThreshold"] = "bij meer inwoners dan",
        ["homesAboveThreshold"] = "dan minimaal",
        ["fixedAmount"] = "vast bedrag",
        ["shareOfCeiling"] = "deel van het plafond",
        ["maxWeeksAfterPreviousRoundClosed"] = "weken na sluiting vorige ronde",
        ["homesInDesignatedRegion"] = "in een aangewezen regio",
        ["homesInStedelijkFocusgebied"] = "in een stedelijk focusgebied",
        ["populationReference"] = "inwonertal",
        ["cbsFigureAtRoundAnnouncement"] = "CBS-cijfer bij de aankondiging van de ronde",
        ["priorityPoints"] = "Voorrangspunten",
        ["points"] = "punten",
        ["passMark"] = "alleen bij een totaal van ten minste",
        ["priorityBudget"] = "Voorrangsbudget",
        ["category"] = "voor",
        ["amount"] = "bedrag",
        ["designatedRegionSet"] = "Aangewezen woningmarktregio's",
        ["studentHousing"] = "studentenhuisvesting",
    };

    public TrancheDto Round { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, RoundApplicationDetailsDto> Applications { get; private set; } = new Dictionary<Guid, RoundApplicationDetailsDto>();

    public IReadOnlyList<RuleLine> Rules { get; private set; } = [];

    public bool MayProposeAllocation { get; private set; }

    /// <summary>The rules in which this round departs from the round it was announced on; null for a seeded round.</summary>
    public RoundOverridesDto? Overrides { get; private set; }

    public IReadOnlyList<AllocationProposalDto>? Proposal { get; private set; }

    public string? ProposalError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The ranking's downloads (for whoever sees the ranking).</summary>
    public DownloadLinks Downloads => DownloadLinks.For(PagePaths.Round(Round.Tranche.Id), []);

    /// <summary>The round's ranked applications as the page shows them, as an Excel workbook or CSV (<c>formaat</c>); not for gemeenten.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, [FromQuery(Name = "formaat")] string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Round.Ranking is not { } ranking)
        {
            return PageAccess.Denied(this, "De rangschikking van een ronde is niet openbaar: een gemeente ziet haar eigen aanvragen onder Mijn zaken.");
        }

        if (TableExport.ParseFormat(format) is not { } chosen)
        {
            return ExportDownload.UnknownFormat();
        }

        var t = Round.Tranche;
        return new ExportDownload(ExportTable.Of($"Rangschikking {RoundsModel.RegelingName(t.Regeling)} {t.Name}", ranking, columns => columns
            .WholeNumber("Rang", r => r.Position)
            .Text("Zaaknummer", r => r.Reference)
            .Text("Project", r => r.ProjectName)
            .Text("Gemeente", r => Applications.GetValueOrDefault(r.ApplicationId)?.GemeenteName ?? r.Gemeente)
            .Money("Gevraagd", r => r.RequestedAmount)
            .Number("Totaalscore", r => r.TotalScore)
            .Number("Voorrangspunten", r => r.PriorityPoints)
            .Text("Advies", r => AdviceName(Applications.GetValueOrDefault(r.ApplicationId)?.Advice))
            .Money("Toegekend", r => r.AwardedAmount)
            .Text("Gelijke score", r => r.TieUnresolved ? "Gelijk, nog te ordenen" : "Nee")), chosen);
    }

    public static string? AdviceName(Casework.Domain.Funding.CommitteeAdvice? advice) => advice switch
    {
        Casework.Domain.Funding.CommitteeAdvice.Positief => "Positief",
        Casework.Domain.Funding.CommitteeAdvice.Negatief => "Negatief",
        _ => null,
    };

    /// <summary>
    /// Applications that ended on the same total and still wait for a person to order them, per group in ranking
    /// order (the ranking cannot be awarded down past them until then).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<RankingEntryDto>> TieGroups { get; private set; } = [];

    /// <summary>The chosen place of each tied application (1 = first of its group), as posted.</summary>
    public IReadOnlyDictionary<Guid, string> PostedPlaces { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>A VRO reviewer orders tied applications: the places chosen per group become one order for the round.</summary>
    public async Task<IActionResult> OnPostOrdenenAsync(Guid id, [FromForm(Name = "plaats")] Dictionary<Guid, string>? places, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        PostedPlaces = places ?? [];
        var order = new List<Guid>();
        foreach (var group in TieGroups)
        {
            var chosen = new List<(Guid Id, int Place)>();
            foreach (var entry in group)
            {
                if (PostedPlaces.GetValueOrDefault(entry.ApplicationId) is { } raw && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var place) && place >= 1 && place <= group.Count)
                {
                    chosen.Add((entry.ApplicationId, place));
                }
                else
                {
                    ModelState.AddModelError(PlaceKey(entry.ApplicationId), $"Kies de plaats van {entry.Reference} (1 tot en met {group.Count}).");
                }
            }

            foreach (var twice in chosen.GroupBy(c => c.Place).Where(g => g.Count() > 1).SelectMany(g => g))
            {
                var reference = group.First(e => e.ApplicationId == twice.Id).Reference;
                ModelState.AddModelError(PlaceKey(twice.Id), $"Plaats {twice.Place} is meer dan eens gekozen; geef {reference} een eigen plaats.");
            }

            order.AddRange(chosen.OrderBy(c => c.Place).Select(c => c.Id));
        }

        if (ModelState.IsValid)
        {
            var (ok, _) = await TrySendAsync(new OrderTiesCommand(id, new TieBreakRequest(order)), "Ordenen", ct);
            if (ok)
            {
                Flash("De volgorde van de aanvragen met een gelijke score is vastgelegd.");
                return RedirectToPage(new { id });
            }
        }

        return RefusedPage(ModelState.IsValid ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    public static string PlaceKey(Guid applicationId) => $"plaats.{applicationId}";

    /// <summary>The place field of a tied application, with its error from this post.</summary>
    public CaseFieldView PlaceField(RankingEntryDto entry, int groupSize)
    {
        var key = PlaceKey(entry.ApplicationId);
        var errors = ModelState.TryGetValue(key, out var state) ? state.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var choices = Enumerable.Range(1, groupSize).Select(n => (n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture))).ToList();
        return new CaseFieldView(
            FieldIds.For(key), $"plaats[{entry.ApplicationId}]", $"Plaats van {entry.Reference} ({entry.ProjectName})", null, "select", true,
            PostedPlaces.GetValueOrDefault(entry.ApplicationId), errors, choices);
    }

    /// <summary>The allocation proposal; a partial for htmx (the busy indicator shows meanwhile), the whole page otherwise.</summary>
    public async Task<IActionResult> OnPostVoorstelAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        try
        {
            Proposal = await QueryAsync(new ProposeAllocationQuery(id), ct);
        }
        catch (ApiProblemException e)
        {
            ProposalError = Describe(e.Problem);
        }
        catch (Casework.Domain.Common.BusinessRuleViolationException e)
        {
            ProposalError = string.Join(" ", e.BrokenRules.Select(r => $"{r.Message} (regel {r.Code}, bron: {r.Source})"));
        }

        if (Request.Headers.ContainsKey("HX-Request"))
        {
            return Partial("/Features/Tranches/_AllocationProposal.cshtml", this);
        }

        var page = Page();
        page.StatusCode = ProposalError is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    /// <summary>The meter's maximum: the ceiling, or what is committed when that is more (a lowered ceiling never hides money).</summary>
    public decimal MeterMax => Math.Max(1m, Math.Max(Round.Tranche.Ceiling, Round.Tranche.Committed));

    public static string Attr(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(decimal part, decimal whole) => whole <= 0 ? "0%" : (part / whole).ToString("0.#%", NlFormat.Culture);

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

        if (Round.Ranking is not null)
        {
            Applications = await QueryAsync(new RoundApplicationDetailsQuery(id), ct);
        }

        var actor = Service<ICurrentActor>().Actor;
        MayProposeAllocation = actor.Organisation == "VRO" && actor.Roles.Contains(Role.Beoordelaar);
        TieGroups = Round.Ranking is { } ranking ? GroupTies(ranking) : [];
        Rules = Summarise(Round.RuleSet);
        Overrides = await QueryAsync(new RoundOverridesQuery(id), ct);
        return true;
    }

    /// <summary>Unresolved ties in ranking order: the ranking gives the members of one tie the same position.</summary>
    private static List<IReadOnlyList<RankingEntryDto>> GroupTies(IReadOnlyList<RankingEntryDto> ranking) =>
        ranking.Where(r => r.TieUnresolved).GroupBy(r => r.Position).Select(g => (IReadOnlyList<RankingEntryDto>)g.ToList()).ToList();

    /// <summary>The rule set in words: one line per rule that applies in the round (a null rule does not), with its source.</summary>
    public static IReadOnlyList<RuleLine> Summarise(JsonElement ruleSet)
    {
        if (ruleSet.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var lines = new List<RuleLine>();
        foreach (var property in ruleSet.EnumerateObject())
        {
            if (property.Name is "regeling" or "round" or "ruleSetVersion" || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var label = RuleLabels.GetValueOrDefault(property.Name, property.Name);
            if (property.Name == "windowSource")
            {
                lines.Add(new RuleLine(label, "volgens de aankondiging", property.Value.GetString()));
                continue;
            }

            if (property.Name == "requiredDocuments" && property.Value.ValueKind == JsonValueKind.Array)
            {
                // One line per bijlage, each with the rule it substantiates as its source.
                foreach (var document in property.Value.EnumerateArray())
                {
                    var type = document.TryGetProperty("informatieobjecttype", out var t) ? t.GetString() : null;
                    var why = document.TryGetProperty("source", out var w) ? w.GetString() : null;
                    lines.Add(new RuleLine("Verplichte bijlage", type is null ? "onbekend" : Casework.Domain.Documents.InformatieobjecttypeCatalogus.Label(type), why));
                }

                if (property.Value.GetArrayLength() == 0)
                {
                    lines.Add(new RuleLine("Verplichte bijlagen", "geen", null));
                }

                continue;
            }

            if (property.Name == "beslistermijn" && Beslistermijn(property.Value) is { } term)
            {
                lines.Add(new RuleLine(label, term.Describe(), term.Source));
                continue;
            }

            var source = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            lines.Add(new RuleLine(label, Describe(property.Name, property.Value), source));
        }

        return lines;
    }

    private static Casework.Domain.Funding.BeslistermijnParameter? Beslistermijn(JsonElement value)
    {
        try
        {
            return value.Deserialize<Casework.Domain.Funding.BeslistermijnParameter>(Casework.Domain.Funding.FundingRuleSetJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(string key, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.TryGetProperty("value", out var inner):
                return Describe(key, inner);
            case JsonValueKind.Object when value.TryGetProperty("criteria", out var criteria) && criteria.ValueKind == JsonValueKind.Array:
                var list = criteria.EnumerateArray()
                    .Select(c => c.TryGetProperty("name", out var n) ? $"{n.GetString()} ({(c.TryGetProperty("weight", out var w) && w.TryGetDecimal(out var wd) ? wd.ToString("0.##", NlFormat.Culture) : "?")})" : c.ToString())
                    .ToList();
                return list.Count == 0 ? "zonder wegingen; de commissie geeft een totaal" : string.Join(", ", list);
            case JsonValueKind.Object:
                var parts = value.EnumerateObject()
                    .Where(p => p.Name != "source" && p.Value.ValueKind != JsonValueKind.Null && !(p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "notApplicable"))
                    .Select(p => $"{RuleLabels.GetValueOrDefault(p.Name, p.Name)}: {Describe(p.Name, p.Value)}");
                return string.Join("; ", parts);
            case JsonValueKind.Number when value.TryGetDecimal(out var number):
                return key.Contains("share", StringComparison.OrdinalIgnoreCase) && number <= 1m ? number.ToString("0.##%", NlFormat.Culture)
                    : key.Contains("Volume", StringComparison.Ordinal) || key.Contains("Limit", StringComparison.Ordinal) || key.Contains("Amount", StringComparison.Ordinal) ? NlFormat.Money(number)
                    : number.ToString("#,0.##", NlFormat.Culture);
            case JsonValueKind.True:
                return "ja";
            case JsonValueKind.False:
                return "nee";
            case JsonValueKind.String:
                return RuleLabels.GetValueOrDefault(value.GetString() ?? string.Empty, value.GetString() ?? string.Empty);
            default:
                return value.ToString();
        }
    }
}

/// <summary>One rule of a round in words, with its legal source.</summary>
public sealed record RuleLine(string Label, string Value, string? Source);
