using Casework.Domain.Escalation;
using Casework.Web.Features.Meetings;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Knelpunten;

/// <summary>
/// <c>GET /escalaties</c>: the escalation board. Open knelpunten and vastlopers the caller may see, per level they
/// escalate through (alliantie, SBSD-triage, departement, SBSD, BRSD, bestuurlijk overleg), each with its term and
/// the level's next meeting; filterable on one level. Same query as <c>GET /api/v1/escalation-board</c>.
/// </summary>
public sealed class EscalationsModel : CaseworkPageModel
{
    /// <summary>The levels in escalation order, as the board query names them, with the name a reader knows.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Levels =
    [
        ("alliantie", "Alliantie (gemeld, nog niet doorgezet)"),
        ("triage", "Triage door het secretariaat SBSD"),
        ("departement", "Bij het trekkende departement"),
        (MeetingBodies.Sbsd, MeetingBodies.DisplayName(MeetingBodies.Sbsd)),
        (MeetingBodies.Brsd, MeetingBodies.DisplayName(MeetingBodies.Brsd)),
        (MeetingBodies.BestuurlijkOverleg, MeetingBodies.DisplayName(MeetingBodies.BestuurlijkOverleg)),
    ];

    public EscalationBoardDto Board { get; private set; } = new(default, []);

    /// <summary>Level filter, named as its query parameter (<c>?Niveau=SBSD</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Niveau { get; set; }

    public IReadOnlyList<SelectListItem> LevelOptions { get; } =
        [new SelectListItem("Alle niveaus", string.Empty), .. Levels.Select(l => new SelectListItem(l.Name, l.Code))];

    public IReadOnlyList<EscalationLevelDto> Shown { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MeetingsModel.AllowedRoles.Any(Service<ICurrentActor>().Actor.Roles.Contains))
        {
            return PageAccess.Denied(this, PageAccess.ForSecretariesAndReviewers);
        }

        Board = await QueryAsync(new EscalationBoardQuery(), ct);
        var filter = string.IsNullOrWhiteSpace(Niveau) ? null : Niveau;
        Shown = Board.Levels.Where(l => filter is null || l.Level == filter).ToList();
        return Page();
    }

    public static string LevelName(string code) => Levels.FirstOrDefault(l => l.Code == code).Name ?? code;

    public static string TypeName(string type) => type == "vastloper" ? "Vastloper" : "Knelpunt";
}
