using System.Globalization;
using System.Text.Json;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Applications.CommitteeScoring;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Cases.Proposals;
using Casework.Web.Features.Deadlines;
using Casework.Web.Features.Documents;
using Casework.Web.Features.Letters;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Demo;

/// <summary>
/// The steps the demo seed is written in, each the command a user's click or API call sends: signed in as a demo user
/// (<see cref="DemoUsers"/>), in a scope of its own, through the mediator's pipeline (validation, one transaction) and the
/// handlers' own checks and the workflow engine. Nothing is written around them. The time of a step is set with
/// <see cref="At"/> on the <see cref="DemoClock"/>; the deadline worker then does what it would have done by then.
/// </summary>
internal sealed class DemoScript(IServiceScopeFactory scopes, IHttpContextAccessor http, DemoClock clock, DeadlineWorker deadlines, DocumentOptions documents)
{
    private DateTimeOffset? _last;

    /// <summary>"Now" as the seed started: every step is placed relative to it.</summary>
    public DateTimeOffset Start { get; } = clock.RealNow;

    /// <summary>The instant <paramref name="days"/> days from <see cref="Start"/> (negative: in the past).</summary>
    public DateTimeOffset Day(int days) => Start.AddDays(days);

    /// <summary>The Amsterdam calendar date of <see cref="Day"/>.</summary>
    public DateOnly Date(int days) => AmsterdamClock.ToLocalDate(Day(days));

    /// <summary>Today on the clock of the current step.</summary>
    public DateOnly Today => AmsterdamClock.Today(clock);

    /// <summary>
    /// Moves the seed's clock to <paramref name="days"/> from the start, never back, and lets the deadline worker handle
    /// what fell due on the way (expiry actions as the system, warnings), as the running host would have.
    /// </summary>
    /// <remarks>Not async on purpose: the clock's shift is an async-local value, which an async method would restore on return.</remarks>
    public Task At(int days, CancellationToken ct)
    {
        var target = Day(days);
        if (_last is { } last && target < last)
        {
            throw new InvalidOperationException($"The demo seed steps back in time (day {days}); its steps run in the order they happened.");
        }

        _last = target;
        clock.TravelTo(target);
        return deadlines.RunOnceAsync(ct);
    }

    /// <summary>Back to the real clock, and one more pass of the deadline worker at the real time.</summary>
    public Task Now(CancellationToken ct)
    {
        clock.Return();
        return deadlines.RunOnceAsync(ct);
    }

    /// <summary>Runs <paramref name="work"/> as the demo user <paramref name="user"/>: the same principal the development sign-in gives.</summary>
    public async Task<T> As<T>(string user, Func<IMediator, IServiceProvider, Task<T>> work)
    {
        var demo = DemoUsers.Find(user) ?? throw new InvalidOperationException($"The demo seed names an unknown demo user '{user}'.");
        await using var scope = scopes.CreateAsyncScope();
        var previous = http.HttpContext;
        http.HttpContext = new DefaultHttpContext
        {
            User = AuthSetup.DevPrincipal(demo.UserName, demo.DisplayName, demo.Organisation, demo.Roles.Select(r => r.ToString())),
            RequestServices = scope.ServiceProvider,
        };
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<IMediator>(), scope.ServiceProvider);
        }
        finally
        {
            http.HttpContext = previous;
        }
    }

    public Task<T> Send<T>(string user, ICommand<T> command) => As(user, async (mediator, _) => await mediator.Send(command));

    /// <summary>The case's current version, as a client reads it from the case before it acts (If-Match).</summary>
    public async Task<int> VersionOf(Guid caseId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        return await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
    }

    /// <summary>A workflow action through <c>POST /cases/{id}/actions/{action}</c>'s command.</summary>
    public async Task<CaseDto> Fire(string user, Guid caseId, string action, string? reason = null, object? data = null) =>
        await Send(user, new FireActionCommand(caseId, action, await VersionOf(caseId), reason, Fields(data)));

    /// <summary>A besluit under the vier-ogenprincipe: <paramref name="proposer"/> fires it (a proposal), <paramref name="confirmer"/> confirms it.</summary>
    public async Task<CaseDto> Decide(string proposer, string confirmer, Guid caseId, string action, string? reason = null, object? data = null)
    {
        var proposed = await Fire(proposer, caseId, action, reason, data);
        if (proposed.Proposal is null)
        {
            throw new InvalidOperationException($"Action '{action}' on {proposed.Reference} took effect without a proposal; the demo expects the vier-ogenprincipe.");
        }

        return await Send(confirmer, new DecideProposalCommand(caseId, ProposalOutcome.Confirm, proposed.Version, null));
    }

    /// <summary>The gemeente drafts an application and adds every bijlage its round requires (real PDF documents).</summary>
    public async Task<ApplicationDto> Draft(string user, ApplicationRequest request, CancellationToken ct)
    {
        var draft = await Send(user, new CreateApplicationCommand(request));
        foreach (var required in draft.RequiredDocuments.Where(d => !d.Present))
        {
            await Attach(user, draft.Id, required.Informatieobjecttype, $"{required.Label} {request.ProjectName}", DossierText(required.Label, request), ct);
        }

        return draft;
    }

    /// <summary>The gemeente submits its draft (<c>indienen</c>: window, admission rules, bijlagen).</summary>
    public async Task<ApplicationDto> Submit(string user, Guid applicationId) =>
        await Send(user, new SubmitApplicationCommand(applicationId, await VersionOf(applicationId)));

    /// <summary>Uploads a PDF to a case's dossier, as the upload form does (staged on disk, hashed, recognised by its bytes).</summary>
    public async Task Attach(string user, Guid caseId, string informatieobjecttype, string title, IReadOnlyList<string> paragraphs, CancellationToken ct)
    {
        var demo = DemoUsers.Find(user)!;
        var pdf = LetterPdf.Render(new LetterContent(
            demo.Description,
            [demo.DisplayName],
            title,
            Today,
            title,
            paragraphs.Select(p => new LetterBlock(LetterBlockKind.Paragraph, p)).ToList(),
            [demo.DisplayName]));
        using var content = new MemoryStream(pdf);
        await using var staged = await StagedUpload.StageAsync(content, FileName(title), documents.StagingFolder, documents.MaxFileBytes, ct);
        await Send(user, new CreateDocumentCommand(new DocumentTarget(Domain.Documents.DocumentOwnerKind.Zaak, caseId, null, null), title, informatieobjecttype, null, staged));
    }

    /// <summary>A committee member's scores (WBI: per criterion of the round's scheme; VHF: a total).</summary>
    public Task<CommitteeScoringDto> Score(string member, Guid applicationId, Dictionary<string, decimal>? scores, decimal? total = null) =>
        Send(member, new RecordMemberScoreCommand(applicationId, new MemberScoreRequest(scores, total)));

    public static IReadOnlyDictionary<string, JsonElement> Fields(object? data)
    {
        if (data is null)
        {
            return new Dictionary<string, JsonElement>();
        }

        var element = JsonSerializer.SerializeToElement(data);
        return element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileName(string title)
    {
        var chars = title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var name = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (name.Length > 80 ? name[..80] : name) + ".pdf";
    }

    private static string[] DossierText(string label, ApplicationRequest request) =>
    [
        $"{label} bij de aanvraag voor het project {request.ProjectName}.",
        $"Het project omvat {request.Homes?.SocialeHuur + request.Homes?.Middenhuur + request.Homes?.BetaalbareKoop + request.Homes?.Other} woningen, waarvan "
            + $"{request.Homes?.SocialeHuur} sociale huurwoningen. Het financiële tekort bedraagt {Pages.NlFormat.Money(request.FinancialDeficit)}; "
            + $"de gemeente vraagt {Pages.NlFormat.Money(request.RequestedAmount)} en draagt zelf {Pages.NlFormat.Money(request.OwnContribution)} bij.",
        $"De bouw start naar verwachting op {LetterPdf.Dutch(request.PlannedConstructionStartDate)} en is gereed op {LetterPdf.Dutch(request.PlannedCompletionDate)}.",
        "Dit document is voorbeeldmateriaal van de demonstratieomgeving.",
    ];
}
