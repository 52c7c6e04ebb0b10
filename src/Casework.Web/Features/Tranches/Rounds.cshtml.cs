using Casework.Domain.Funding;
using Casework.Web.Features.Pages;

namespace Casework.Web.Features.Tranches;

/// <summary><c>GET /rondes</c>: every round of VHF and WBI with its window, status and ceiling; for every signed-in user (rounds are public).</summary>
public sealed class RoundsModel : CaseworkPageModel
{
    public IReadOnlyList<TrancheSummaryDto> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rounds = await QueryAsync(new ListTranchesQuery(null), ct);

    public static string RegelingName(Regeling regeling) => regeling == Regeling.Wbi ? "Woningbouwimpuls" : "Volkshuisvestingsfonds";

    public static string StatusName(TrancheStatus status) => status switch
    {
        TrancheStatus.Announced => "Aangekondigd",
        TrancheStatus.Open => "Open",
        TrancheStatus.Closed => "Gesloten",
        _ => "Toegekend",
    };

    public static string StatusClass(TrancheStatus status) => status switch
    {
        TrancheStatus.Open => "status status--ok",
        TrancheStatus.Announced => "status status--due-soon",
        _ => "status",
    };

    public static string Window(TrancheSummaryDto round) => (round.OpensAt, round.ClosesAt) switch
    {
        ({ } opens, { } closes) => $"{Pages.NlFormat.DateTime(opens)} tot {Pages.NlFormat.DateTime(closes)}",
        ({ } opens, null) => $"vanaf {Pages.NlFormat.DateTime(opens)}",
        (null, { } closes) => $"tot {Pages.NlFormat.DateTime(closes)}",
        _ => "niet vastgelegd",
    };
}
