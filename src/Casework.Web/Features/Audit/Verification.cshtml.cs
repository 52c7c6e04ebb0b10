using Casework.Domain.Access;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Audit;

/// <summary>
/// <c>/audittrail</c>: the Auditor's and the Beheerder's check of the audit trail's hash chains, in words (the same
/// <see cref="VerifyAuditQuery"/> as <c>GET /api/v1/audit/verification</c> and <c>audit verify</c> on the command line):
/// intact or not, how many streams and events, the latest checkpoint, and every break with the stream it is in, named
/// as a person knows it (a case by its zaaknummer). "Nu een controlepunt vastleggen" sends
/// <see cref="TakeAuditCheckpointCommand"/>, as <c>POST /api/v1/audit/checkpoints</c>.
/// </summary>
public sealed class VerificationModel : CaseworkPageModel
{
    public const string Path = "/audittrail";

    public AuditVerificationDto Result { get; private set; } = null!;

    /// <summary>Each break with its stream in words.</summary>
    public IReadOnlyList<(string Where, string What)> Breaks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostControlepuntAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        var (ok, checkpoint) = await TrySendAsync(new TakeAuditCheckpointCommand(), string.Empty, ct);
        if (ok && checkpoint is not null)
        {
            Flash($"Controlepunt {checkpoint.Id} is vastgelegd op {NlFormat.Instant(checkpoint.At)}, met de laatste gebeurtenis van {checkpoint.Streams} stromen.");
            return Redirect(Path);
        }

        await LoadAsync(ct);
        return RefusedPage(StatusCodes.Status409Conflict);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await QueryAsync(new VerifyAuditQuery(), ct);
        var db = Service<CaseworkDbContext>();
        var caseIds = Result.Breaks.Select(b => CaseId(b.Stream)).OfType<Guid>().Distinct().ToList();
        var references = caseIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        Breaks = Result.Breaks.Select(b =>
        {
            var where = StreamName(b.Stream, references);
            return (where, b.Message.Replace(b.Stream, where, StringComparison.Ordinal));
        }).ToList();
    }

    /// <summary>A stream as a person knows it: "zaak WBI-2026-000012", "aanmeldingen van Jan Jansen", "de controlepunten".</summary>
    public static string StreamName(string stream, IReadOnlyDictionary<Guid, string> caseReferences)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(caseReferences);
        var colon = stream.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? stream : stream[..colon];
        var key = colon < 0 ? string.Empty : stream[(colon + 1)..];
        return kind switch
        {
            "checkpoints" => "de keten van controlepunten",
            "case" when Guid.TryParse(key, out var id) => caseReferences.TryGetValue(id, out var reference) ? $"zaak {reference}" : "een zaak die niet meer bestaat",
            "tranche" => "het beheer van een ronde",
            "auth" => $"aanmeldingen van {Labels.Person(key)}",
            "access" => $"geweigerde verzoeken van {key}",
            "read" => $"inzage door {Labels.Person(key)}",
            "reference" => "de gelijkgestelde dagen",
            _ => "een overige stroom",
        };
    }

    private static Guid? CaseId(string stream) =>
        stream.StartsWith("case:", StringComparison.Ordinal) && Guid.TryParse(stream["case:".Length..], out var id) ? id : null;

    private IActionResult? Refuse()
    {
        var roles = Service<ICurrentActor>().Actor.Roles;
        return roles.Contains(Role.Auditor) || roles.Contains(Role.Beheerder)
            ? null
            : PageAccess.Denied(this, "De controle van de audittrail is voor auditors en beheerders. Met uw rol hoort u hier niet.");
    }
}
