using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Documents;
using Casework.Domain.Organisations;
using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Features.Documents;
using Casework.Web.Features.Pages;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Letters;

/// <summary>
/// Writes the letter that a <c>notify</c> effect's template calls for (ontvangstbevestiging, herstelverzoek, and for
/// <c>besluit</c> the letter of the besluit recorded in the same transition) and files it in the case's dossier as a
/// document of informatieobjecttype brief or besluit, through the dossier's content store. It reads what the same
/// unit of work has just added (the decision, the started terms), so the letter, the decision and the deadlines are
/// saved in the one SaveChanges of the gate path, or not at all. It does not save.
/// </summary>
internal sealed class LetterWriter(CaseworkDbContext db, IDocumentContentStore store, AuditTrail audit, TimeProvider time, LegalCalendar calendar) : ILetterWriter
{
    /// <summary>The bestuursorgaan that signs every letter of VHF and WBI (docs/domain.md).</summary>
    public const string Bestuursorgaan = "De Minister van Volkshuisvesting en Ruimtelijke Ordening";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<Guid?> WriteAsync(CaseFile caseFile, string notifyTemplate, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        var decision = db.ChangeTracker.Entries<CaseDecision>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseFile.Id)
            .Select(e => e.Entity)
            .LastOrDefault();
        var templateId = TemplateFor(notifyTemplate, decision?.BesluitType);
        if (templateId is null)
        {
            return null;
        }

        var letterTemplate = LetterTemplate.Load(templateId);
        var today = AmsterdamClock.Today(time);
        var sent = letterTemplate.Kind == "besluit" ? decision?.Verzenddatum ?? today : today;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kenmerk"] = caseFile.Reference,
            ["titel"] = caseFile.Title,
            ["verzenddatum"] = LetterPdf.Dutch(sent),
            ["ontvangstdatum"] = LetterPdf.Dutch(today),
            ["motivering"] = string.IsNullOrWhiteSpace(input.Reason) ? "Zie de toelichting in het dossier." : input.Reason.Trim(),
            ["ontbreekt"] = string.IsNullOrWhiteSpace(input.Reason) ? "Zie de toelichting in het dossier." : input.Reason.Trim(),
        };
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var isWbi = caseFile.CaseType.StartsWith("wbi", StringComparison.Ordinal);
        flags.Add(isWbi ? "wbi" : "vhf");

        AddTerm(values, "beslistermijnEinde", caseFile, TermKinds.Beslistermijn.Id);
        values["beslistermijnBron"] = "Awb artikel 4:13 en de regeling";
        AddTerm(values, "hersteltermijnEinde", caseFile, TermKinds.Hersteltermijn.Id);
        AddTerm(values, "bezwaartermijnEinde", caseFile, TermKinds.Bezwaartermijn.Id);
        AddTerm(values, "startBouwEinde", caseFile, "wbi-start-bouw");
        AddTerm(values, "alleWoningenEinde", caseFile, "wbi-alle-woningen");
        AddTerm(values, "sisaEinde", caseFile, "sisa-verantwoording");
        values["sisaCode"] = isWbi ? ", specifieke uitkering C9" : string.Empty;
        values["grondslag"] = isWbi
            ? "artikel 2 van de Regeling Woningbouwimpuls 2020 (Stcrt. 2020, 28062) en het Besluit Woningbouwimpuls 2020"
            : "artikel 4 van de Meerjarige regeling specifieke uitkering herstructurering volkshuisvesting (Stcrt. 2023, 17370)";
        values["besluitsoort"] = decision?.BesluitType == "gedeeltelijke-toekenning" ? "gedeeltelijke toekenning" : "toekenning";
        if (decision?.BesluitType == "gedeeltelijke-toekenning")
        {
            flags.Add("gedeeltelijk");
        }
        else if (!string.IsNullOrWhiteSpace(input.Reason))
        {
            flags.Add("toelichting");
        }

        if (input.Data.TryGetValue("bedrag", out var amount) && amount.ValueKind == JsonValueKind.Number && amount.TryGetDecimal(out var euros))
        {
            values["bedrag"] = Money(euros);
        }

        if (templateId == "afwijzing" && (input.Reason ?? string.Empty).Contains("plafond", StringComparison.OrdinalIgnoreCase))
        {
            flags.Add("plafond");
        }

        if (templateId == "buitenbehandelingstelling")
        {
            var request = await db.Deadlines.AsNoTracking()
                .Where(d => d.CaseId == caseFile.Id && d.KindId == TermKinds.Hersteltermijn.Id)
                .OrderByDescending(d => d.StartedOn)
                .Select(d => (DateOnly?)d.StartedOn)
                .FirstOrDefaultAsync(ct);
            values["herstelverzoekdatum"] = request is { } r ? LetterPdf.Dutch(r) : "de datum van ons herstelverzoek";
        }

        if (templateId == "wijzigingsbesluit")
        {
            AddChangedConditions(values, flags, caseFile, decision?.BesluitType);
        }

        if (templateId == "beslissing-op-bezwaar")
        {
            await AddObjectionAsync(values, flags, caseFile, decision!, sent, ct);
        }

        return await RenderAndFileAsync(caseFile, letterTemplate, values, flags, sent, actor, ct);
    }

    /// <summary>
    /// What a beslissing op bezwaar names beyond every letter (docs/domain.md, "Beslissing op bezwaar"): the outcome, the
    /// bestreden besluit (the case's latest besluit before this one), the day the bezwaar was lodged, for a gegrond bezwaar
    /// the end of the beslistermijn of the new besluit, and the end of the beroepstermijn, counted from the day after the
    /// verzenddatum (Awb 6:7, 6:8 lid 1) on the legal calendar. Casework starts no deadline for beroep.
    /// </summary>
    private async Task AddObjectionAsync(Dictionary<string, string> values, HashSet<string> flags, CaseFile caseFile, CaseDecision decision, DateOnly sent, CancellationToken ct)
    {
        var upheld = decision.BesluitType == "beslissing-op-bezwaar-gegrond";
        flags.Add(upheld ? "gegrond" : "ongegrond");
        values["uitkomst"] = upheld ? "gegrond" : "ongegrond";

        // A case holds a handful of besluiten and statuses: read them, and judge the codes in memory.
        var contested = (await db.Decisions.AsNoTracking().Where(d => d.CaseId == caseFile.Id && d.Id != decision.Id).ToListAsync(ct))
            .Where(d => !d.BesluitType.StartsWith("beslissing-op-bezwaar", StringComparison.Ordinal))
            .OrderByDescending(d => d.RecordedAt)
            .FirstOrDefault();
        values["bestredenBesluit"] = contested is null
            ? "besluit"
            : $"besluit van {LetterPdf.Dutch(contested.Verzenddatum ?? contested.Datum)} ({Labels.BesluitType(contested.BesluitType).ToLower(Dutch)})";

        var lodged = (await db.Set<CaseStatus>().AsNoTracking().Where(s => s.CaseId == caseFile.Id && s.ActionId != null).ToListAsync(ct))
            .Where(s => s.ActionId!.StartsWith("bezwaarMaken", StringComparison.Ordinal))
            .OrderByDescending(s => s.Sequence)
            .Select(s => (DateTimeOffset?)s.At)
            .FirstOrDefault();
        values["bezwaardatum"] = lodged is { } at ? LetterPdf.Dutch(AmsterdamClock.ToLocalDate(at)) : "de datum van uw bezwaarschrift";

        var beroep = TermCalculator.Calculate(TermKinds.Beroepstermijn, sent, await calendar.GetAsync(db, ct));
        values["beroepstermijnEinde"] = LetterPdf.Dutch(beroep.DueDate);
    }

    /// <summary>The award's new conditions that the same unit of work has just written for this wijzigingsverzoek (ADR-019).</summary>
    private void AddChangedConditions(Dictionary<string, string> values, HashSet<string> flags, CaseFile caseFile, string? besluitType)
    {
        var conditions = db.ChangeTracker.Entries<Casework.Web.Features.AfterAward.AwardConditions>()
            .Where(e => e.State == EntityState.Added && e.Entity.ChangeCaseId == caseFile.Id)
            .Select(e => e.Entity)
            .LastOrDefault();
        if (besluitType == "wijzigingsbesluit" && conditions is not null)
        {
            flags.Add("goedgekeurd");
            values["versie"] = conditions.Version.ToString(Dutch);
            values["bedrag"] = Money(conditions.Amount.Euros);
            values["woningen"] = conditions.Homes.Total.ToString("N0", Dutch);
            values["betaalbaar"] = conditions.Homes.Affordable.ToString("N0", Dutch);
            values["startBouw"] = LetterPdf.Dutch(conditions.StartBouwUiterlijk);
            values["gereed"] = LetterPdf.Dutch(conditions.GereedUiterlijk);
        }
        else
        {
            flags.Add("afgewezen");
        }
    }

    /// <summary>
    /// Writes a besluit letter that no transition's notify calls for (the vaststelling and terugvordering of an award)
    /// and files it in the case's dossier in the same unit of work; the caller supplies the template's own values.
    /// </summary>
    public async Task<Guid> WriteDecisionLetterAsync(CaseFile caseFile, string templateId, DateOnly sent, IReadOnlyDictionary<string, string> extra, IEnumerable<string> extraFlags, Actor actor, CancellationToken ct)
    {
        var letterTemplate = LetterTemplate.Load(templateId);
        var isWbi = caseFile.CaseType.StartsWith("wbi", StringComparison.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kenmerk"] = caseFile.Reference,
            ["titel"] = caseFile.Title,
            ["verzenddatum"] = LetterPdf.Dutch(sent),
            ["sisaCode"] = isWbi ? ", specifieke uitkering C9" : string.Empty,
            ["grondslag"] = isWbi
                ? "artikel 2 van de Regeling Woningbouwimpuls 2020 (Stcrt. 2020, 28062) en het Besluit Woningbouwimpuls 2020"
                : "artikel 4 van de Meerjarige regeling specifieke uitkering herstructurering volkshuisvesting (Stcrt. 2023, 17370)",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        AddTerm(values, "bezwaartermijnEinde", caseFile, TermKinds.Bezwaartermijn.Id);
        var flags = new HashSet<string>(extraFlags, StringComparer.Ordinal) { isWbi ? "wbi" : "vhf" };
        return await RenderAndFileAsync(caseFile, letterTemplate, values, flags, sent, actor, ct);
    }

    private async Task<Guid> RenderAndFileAsync(CaseFile caseFile, LetterTemplate letterTemplate, Dictionary<string, string> values, HashSet<string> flags, DateOnly sent, Actor actor, CancellationToken ct)
    {
        var blocks = letterTemplate.RenderBody(values, flags).ToList();
        if (letterTemplate.Remedies is { } remedies)
        {
            // Awb 3:45: every besluit says whether, within what term and with whom bezwaar (or, after bezwaar, beroep) can be made.
            blocks.AddRange(LetterTemplate.Load(remedies).RenderBody(values, flags));
        }

        var content = new LetterContent(
            Bestuursorgaan,
            await AddresseeAsync(caseFile.OwningOrganisation, ct),
            caseFile.Reference,
            sent,
            letterTemplate.RenderSubject(values),
            blocks,
            [$"{Bestuursorgaan},", "namens deze,", string.Empty, "de directeur Woningbouw en Volkshuisvesting"]);
        var pdf = LetterPdf.Render(content);
        return await FileAsync(caseFile, letterTemplate, content, pdf, sent, actor, ct);
    }

    /// <summary>Which template a notify effect's template name and the recorded besluit call for; null where no letter exists yet.</summary>
    public static string? TemplateFor(string notifyTemplate, string? besluitType) => notifyTemplate switch
    {
        "ontvangstbevestiging" => "ontvangstbevestiging",
        "herstelverzoek" => "herstelverzoek",
        "besluit" => besluitType switch
        {
            "toekenning" or "gedeeltelijke-toekenning" => "toekenning",
            "afwijzing" or "niet-toegelaten" => "afwijzing",
            "buiten-behandeling" => "buitenbehandelingstelling",
            "wijzigingsbesluit" or "wijziging-afgewezen" => "wijzigingsbesluit",
            _ => null,
        },
        "beslissing-op-bezwaar" => besluitType is "beslissing-op-bezwaar-gegrond" or "beslissing-op-bezwaar-ongegrond" ? "beslissing-op-bezwaar" : null,
        _ => null,
    };

    /// <summary>"€ 1.234.567,00": a beschikking names the amount to the cent.</summary>
    public static string Money(decimal euros) => "€ " + euros.ToString("N2", Dutch);

    private void AddTerm(Dictionary<string, string> values, string key, CaseFile caseFile, string kind)
    {
        var term = db.ChangeTracker.Entries<Deadline>()
            .Where(e => e.Entity.CaseId == caseFile.Id && e.Entity.KindId == kind && e.State != EntityState.Deleted)
            .Select(e => e.Entity)
            .Where(d => d.Status is DeadlineStatus.Running or DeadlineStatus.Suspended)
            .MaxBy(d => d.StartedOn);
        values[key] = term is null ? "(nog niet bekend)" : LetterPdf.Dutch(term.CurrentDueDate);
    }

    private async Task<IReadOnlyList<string>> AddresseeAsync(string organisationCode, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == organisationCode, ct);
        return organisation switch
        {
            { Kind: OrganisationKind.Gemeente } => ["Het college van burgemeester en wethouders", "van de gemeente " + organisation.Name],
            not null => [organisation.Name],
            null => [organisationCode],
        };
    }

    private async Task<Guid> FileAsync(CaseFile caseFile, LetterTemplate template, LetterContent content, byte[] pdf, DateOnly sent, Actor actor, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await store.PutAsync(db, sha, pdf.Length, () => new MemoryStream(pdf, writable: false), ct);
        var type = template.Kind == "besluit" ? InformatieobjecttypeCatalogus.Besluit : InformatieobjecttypeCatalogus.Brief;
        var fileName = $"{template.Id}-{caseFile.Reference}.pdf";
        var document = Document.CreateSent(
            Guid.NewGuid(), DocumentOwnerKind.Zaak, caseFile.Id, null, content.Subject, type,
            InformatieobjecttypeCatalogus.Find(type)!.DefaultVertrouwelijkheid, actor.Organisation, actor.UserId, time.GetUtcNow(),
            new DocumentContentFacts(fileName, ContentSniffer.Pdf, pdf.Length, sha), sent);
        db.Set<Document>().Add(document);
        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id), actor, "document.toegevoegd", "document", document.Id.ToString(), "ok", null,
            new { titel = document.Title, informatieobjecttype = type, sjabloon = template.Id, verzenddatum = sent.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), versie = 1, bestandsnaam = fileName, formaat = ContentSniffer.Pdf, omvang = pdf.Length, sha256 = sha },
            null, ct);
        return document.Id;
    }
}
