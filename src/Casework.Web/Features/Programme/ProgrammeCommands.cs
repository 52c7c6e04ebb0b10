using System.Globalization;
using System.Text.RegularExpressions;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>A new indicator: a kernindicator (number 1-15, by a Beheerder) or a local one for a focusgebied (by its gemeente or alliance secretariat).</summary>
public sealed record AddIndicatorRequest(int? Number, string? Name, string? Actielijn, string? Unit, BetterDirection? BetterDirection, string? UsualSource, string? Focusgebied);

public sealed record AddIndicatorCommand(AddIndicatorRequest? Request) : ICommand<IndicatorDto>;

/// <summary>One measurement; a value for a period that has one already replaces it only with a reason.</summary>
public sealed record RecordMeasurementRequest(string? Indicator, string? Period, decimal? Value, string? Source, DateOnly? SourceDate, string? Reason);

public sealed record RecordMeasurementCommand(string Focusgebied, RecordMeasurementRequest? Request) : ICommand<MeasurementDto>;

/// <summary>A new doel of the uitvoeringsprogramma or a prestatieafspraak, with its baseline and first streefwaarde.</summary>
public sealed record AddDoelRequest(DoelSoort? Soort, string? Actielijn, string? Omschrijving, string? Indicator, decimal? BaselineValue, DateOnly? BaselineDate, string? BaselineSource, decimal? Streefwaarde, DateOnly? TargetDate);

public sealed record AddDoelCommand(string Focusgebied, AddDoelRequest? Request) : ICommand<DoelDto>;

/// <summary>A changed streefwaarde: a new version; <c>version</c> is the version it replaces (a stale one is 409).</summary>
public sealed record ChangeStreefwaardeRequest(int? Version, decimal? Value, DateOnly? TargetDate, string? Reason);

public sealed record ChangeStreefwaardeCommand(Guid DoelId, ChangeStreefwaardeRequest? Request) : ICommand<DoelDto>;

internal static partial class PeriodFormat
{
    public const string Message = "Geef de periode als jaar (2024) of halfjaar (2024-H1 of 2024-H2).";

    public static bool IsValid(string? period) => period is not null && Pattern().IsMatch(period) && int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture) >= 2000;

    [GeneratedRegex(@"^\d{4}(-H[12])?$")]
    private static partial Regex Pattern();
}

internal sealed class AddIndicatorValidator : AbstractValidator<AddIndicatorCommand>
{
    public AddIndicatorValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de indicator als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.Name).NotEmpty().MaximumLength(300).OverridePropertyName("name").WithMessage("Geef de naam van de indicator (ten hoogste 300 tekens).");
            RuleFor(c => c.Request!.Actielijn).Must(a => a is not null && Actielijnen.All.ContainsKey(a)).OverridePropertyName("actielijn")
                .WithMessage($"Kies een actielijn: {Actielijnen.Choices}.");
            RuleFor(c => c.Request!.Unit).NotEmpty().MaximumLength(100).OverridePropertyName("unit").WithMessage("Geef de eenheid (bijvoorbeeld %, score of per 1.000 inwoners).");
            RuleFor(c => c.Request!.BetterDirection).NotNull().IsInEnum().OverridePropertyName("betterDirection").WithMessage("Geef aan of een hogere of een lagere waarde beter is (Hoger of Lager).");
            RuleFor(c => c.Request!.UsualSource).NotEmpty().MaximumLength(200).OverridePropertyName("usualSource").WithMessage("Geef de gebruikelijke bron (bijvoorbeeld Leefbaarometer, CBS, Veiligheidsmonitor, Zicht op Ondermijning of DUO).");
            RuleFor(c => c.Request!.Number).InclusiveBetween(1, 15).When(c => c.Request!.Number is not null).OverridePropertyName("number")
                .WithMessage("Een kernindicator heeft een nummer van 1 tot en met 15 (NPLV 6.1).");
            RuleFor(c => c.Request!).Must(r => (r.Number is null) != (r.Focusgebied is null)).OverridePropertyName("focusgebied")
                .WithMessage("Een kernindicator heeft een nummer en geen focusgebied; een lokale indicator heeft een focusgebied en geen nummer.");
        });
    }
}

internal sealed class RecordMeasurementValidator : AbstractValidator<RecordMeasurementCommand>
{
    public RecordMeasurementValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de meting als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.Indicator).NotEmpty().OverridePropertyName("indicator").WithMessage("Kies de indicator.");
            RuleFor(c => c.Request!.Period).Must(PeriodFormat.IsValid).OverridePropertyName("period").WithMessage(PeriodFormat.Message);
            RuleFor(c => c.Request!.Value).NotNull().InclusiveBetween(-1_000_000_000m, 1_000_000_000m).OverridePropertyName("value").WithMessage("Geef de waarde als getal.");
            RuleFor(c => c.Request!.Source).NotEmpty().MaximumLength(300).OverridePropertyName("source").WithMessage("Geef de bron van de waarde (ten hoogste 300 tekens).");
            RuleFor(c => c.Request!.SourceDate).NotNull().OverridePropertyName("sourceDate").WithMessage("Geef de datum van de bron.");
            RuleFor(c => c.Request!.Reason).MaximumLength(2000).OverridePropertyName("reason");
        });
    }
}

internal sealed class AddDoelValidator : AbstractValidator<AddDoelCommand>
{
    public AddDoelValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het doel als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.Soort).NotNull().IsInEnum().OverridePropertyName("soort").WithMessage("Kies Uitvoeringsprogramma of Prestatieafspraak.");
            RuleFor(c => c.Request!.Actielijn).Must(a => a is not null && Actielijnen.All.ContainsKey(a)).OverridePropertyName("actielijn").WithMessage($"Kies een actielijn: {Actielijnen.Choices}.");
            RuleFor(c => c.Request!.Omschrijving).NotEmpty().MaximumLength(2000).OverridePropertyName("omschrijving").WithMessage("Beschrijf het doel (ten hoogste 2000 tekens).");
            RuleFor(c => c.Request!.Indicator).NotEmpty().OverridePropertyName("indicator").WithMessage("Kies de indicator waarmee het doel gevolgd wordt.");
            RuleFor(c => c.Request!.BaselineValue).NotNull().OverridePropertyName("baselineValue").WithMessage("Geef de waarde van de nulmeting.");
            RuleFor(c => c.Request!.BaselineDate).NotNull().OverridePropertyName("baselineDate").WithMessage("Geef de datum van de nulmeting.");
            RuleFor(c => c.Request!.BaselineSource).NotEmpty().MaximumLength(300).OverridePropertyName("baselineSource").WithMessage("Geef de bron van de nulmeting.");
            RuleFor(c => c.Request!.Streefwaarde).NotNull().OverridePropertyName("streefwaarde").WithMessage("Geef de streefwaarde.");
            RuleFor(c => c.Request!.TargetDate).NotNull().OverridePropertyName("targetDate").WithMessage("Geef de datum waarop de streefwaarde bereikt moet zijn.");
            RuleFor(c => c.Request!.TargetDate).GreaterThan(c => c.Request!.BaselineDate).When(c => c.Request!.TargetDate is not null && c.Request!.BaselineDate is not null)
                .OverridePropertyName("targetDate").WithMessage("De streefdatum ligt na de datum van de nulmeting.");
        });
    }
}

internal sealed class ChangeStreefwaardeValidator : AbstractValidator<ChangeStreefwaardeCommand>
{
    public ChangeStreefwaardeValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de nieuwe streefwaarde als JSON.");
        When(c => c.Request is not null, () =>
        {
            RuleFor(c => c.Request!.Version).NotNull().GreaterThan(0).OverridePropertyName("version").WithMessage("Geef de versie van de streefwaarde die u wijzigt.");
            RuleFor(c => c.Request!.Value).NotNull().OverridePropertyName("value").WithMessage("Geef de nieuwe streefwaarde.");
            RuleFor(c => c.Request!.TargetDate).NotNull().OverridePropertyName("targetDate").WithMessage("Geef de streefdatum.");
            RuleFor(c => c.Request!.Reason).NotEmpty().MaximumLength(2000).OverridePropertyName("reason").WithMessage("Geef de reden van de wijziging (ten hoogste 2000 tekens).");
        });
    }
}

internal sealed class ProgrammeCommandHandlers(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time) :
    ICommandHandler<AddIndicatorCommand, IndicatorDto>,
    ICommandHandler<RecordMeasurementCommand, MeasurementDto>,
    ICommandHandler<AddDoelCommand, DoelDto>,
    ICommandHandler<ChangeStreefwaardeCommand, DoelDto>
{
    public const string CatalogueStream = "programma:indicatoren";

    public async ValueTask<IndicatorDto> Handle(AddIndicatorCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var r = command.Request!;
        string code;
        if (r.Number is { } number)
        {
            if (!actor.Roles.Contains(Role.Beheerder))
            {
                throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een Beheerder legt een kernindicator van NPLV 6.1 vast.");
            }

            code = string.Create(CultureInfo.InvariantCulture, $"K{number:00}");
            if (await db.Set<Indicator>().AnyAsync(i => i.Number == number, cancellationToken))
            {
                throw ApiProblemException.Of(ProblemTypes.Conflict, $"Kernindicator {number} staat al in de catalogus.");
            }
        }
        else
        {
            var area = await ProgrammeAccess.AreaAsync(db, r.Focusgebied, cancellationToken);
            ProgrammeAccess.EnsureMayEdit(actor, area);
            code = $"L-{area.Code}-{Slug(r.Name!)}";
            if (code.Length > 64)
            {
                code = code[..64];
            }

            if (await db.Set<Indicator>().AnyAsync(i => i.Code == code, cancellationToken))
            {
                throw ApiProblemException.Of(ProblemTypes.Conflict, $"{area.Name} volgt al een lokale indicator met deze naam.");
            }
        }

        var indicator = new Indicator(code, r.Number, r.Name!.Trim(), r.Actielijn!, r.Unit!.Trim(), r.BetterDirection!.Value, r.UsualSource!.Trim(), r.Number is null ? r.Focusgebied : null, actor.UserId, time.GetUtcNow());
        db.Add(indicator);
        await audit.AppendAsync(indicator.FocusgebiedCode is { } local ? ProgrammeAccess.Stream(local) : CatalogueStream, actor, "indicator.toegevoegd", "indicator", code, "ok", null,
            new { nummer = indicator.Number, naam = indicator.Name, actielijn = indicator.Actielijn, eenheid = indicator.Unit, beter = indicator.BetterDirection.ToString(), bron = indicator.UsualSource, focusgebied = indicator.FocusgebiedCode },
            null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ProgrammeQueryHandlers.ToDto(indicator);
    }

    public async ValueTask<MeasurementDto> Handle(RecordMeasurementCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var area = await ProgrammeAccess.AreaAsync(db, command.Focusgebied, cancellationToken);
        ProgrammeAccess.EnsureMayEdit(actor, area);
        var r = command.Request!;
        var indicators = await IndicatorsOfAsync(db, area.Code, cancellationToken);
        if (!indicators.ContainsKey(r.Indicator!))
        {
            throw ProgrammeAccess.Invalid("indicator", $"{area.Name} volgt geen indicator '{r.Indicator}'. Kies een kernindicator of een lokale indicator van het focusgebied.");
        }

        var existing = await db.Set<Measurement>().Where(m => m.FocusgebiedCode == area.Code && m.IndicatorCode == r.Indicator && m.Period == r.Period && m.ReplacedAt == null).ToListAsync(cancellationToken);
        if (existing.Count > 0 && string.IsNullOrWhiteSpace(r.Reason))
        {
            throw new BusinessRuleViolationException(ReplaceNeedsReason(r.Period!));
        }

        var measurement = await MeasurementStore.StoreAsync(db, audit, actor, current.DisplayName, time.GetUtcNow(),
            new MeasurementRow(area.Code, r.Indicator!, r.Period!, r.Value!.Value, r.Source!.Trim(), r.SourceDate!.Value), r.Reason, existing, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ProgrammeQueryHandlers.ToDto(measurement);
    }

    public static BrokenRule ReplaceNeedsReason(string period) =>
        new("METING-VERVANGEN-ZONDER-REDEN", $"Voor {period} is al een waarde vastgelegd; geef een reden om die te vervangen (de oude waarde blijft zichtbaar).", "Ontwerpkeuze: geen cijfer verdwijnt zonder uitleg");

    public async ValueTask<DoelDto> Handle(AddDoelCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var area = await ProgrammeAccess.AreaAsync(db, command.Focusgebied, cancellationToken);
        ProgrammeAccess.EnsureMayEdit(actor, area);
        var r = command.Request!;
        if (!(await IndicatorsOfAsync(db, area.Code, cancellationToken)).ContainsKey(r.Indicator!))
        {
            throw ProgrammeAccess.Invalid("indicator", $"{area.Name} volgt geen indicator '{r.Indicator}'.");
        }

        var now = time.GetUtcNow();
        var doel = new Doel(Guid.NewGuid(), area.Code, r.Soort!.Value, r.Actielijn!, r.Omschrijving!.Trim(), r.Indicator!, r.BaselineValue!.Value, r.BaselineDate!.Value, r.BaselineSource!.Trim(), actor.UserId, now);
        var first = new Streefwaarde(Guid.NewGuid(), doel.Id, 1, r.Streefwaarde!.Value, r.TargetDate!.Value, null, actor.UserId, current.DisplayName, now);
        db.Add(doel);
        db.Add(first);
        await audit.AppendAsync(ProgrammeAccess.Stream(area.Code), actor, "doel.toegevoegd", "doel", doel.Id.ToString(), "ok", null,
            new { soort = doel.Soort.ToString(), actielijn = doel.Actielijn, omschrijving = doel.Omschrijving, indicator = doel.IndicatorCode, nulmeting = new { waarde = doel.BaselineValue, datum = doel.BaselineDate, bron = doel.BaselineSource }, streefwaarde = new { waarde = first.Value, datum = first.TargetDate } },
            null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ProgrammeQueryHandlers.ToDto(doel, [first]);
    }

    public async ValueTask<DoelDto> Handle(ChangeStreefwaardeCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var doel = await db.Set<Doel>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DoelId, cancellationToken)
            ?? throw ApiProblemException.NotFound("Het doel");
        var area = await ProgrammeAccess.AreaAsync(db, doel.FocusgebiedCode, cancellationToken);
        ProgrammeAccess.EnsureMayEdit(actor, area);
        var r = command.Request!;
        var versions = await db.Set<Streefwaarde>().AsNoTracking().Where(s => s.DoelId == doel.Id).ToListAsync(cancellationToken);
        var latest = versions.MaxBy(v => v.Version)!;
        if (r.Version != latest.Version)
        {
            throw ApiProblemException.Of(ProblemTypes.ConcurrencyConflict, $"De streefwaarde is intussen gewijzigd (nu versie {latest.Version}); bekijk de nieuwe waarde en wijzig opnieuw.",
                new Dictionary<string, object?> { ["currentVersion"] = latest.Version });
        }

        if (r.TargetDate <= doel.BaselineDate)
        {
            throw ProgrammeAccess.Invalid("targetDate", "De streefdatum ligt na de datum van de nulmeting.");
        }

        var next = new Streefwaarde(Guid.NewGuid(), doel.Id, latest.Version + 1, r.Value!.Value, r.TargetDate!.Value, r.Reason!.Trim(), actor.UserId, current.DisplayName, time.GetUtcNow());
        db.Add(next);
        await audit.AppendAsync(ProgrammeAccess.Stream(area.Code), actor, "streefwaarde.gewijzigd", "doel", doel.Id.ToString(), "ok",
            new { versie = latest.Version, waarde = latest.Value, datum = latest.TargetDate },
            new { versie = next.Version, waarde = next.Value, datum = next.TargetDate },
            next.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ProgrammeQueryHandlers.ToDto(doel, [.. versions, next]);
    }

    public static async Task<Dictionary<string, Indicator>> IndicatorsOfAsync(CaseworkDbContext db, string area, CancellationToken ct) =>
        await db.Set<Indicator>().AsNoTracking().Where(i => i.FocusgebiedCode == null || i.FocusgebiedCode == area).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);

    private static string Slug(string name)
    {
        var slug = Regex.Replace(name.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD), @"[^a-z0-9]+", "-").Trim('-');
        return slug.Length == 0 ? "indicator" : slug;
    }
}

/// <summary>One measurement to store, as entered on the page or read from a CSV row.</summary>
internal sealed record MeasurementRow(string Focusgebied, string Indicator, string Period, decimal Value, string Source, DateOnly SourceDate);

/// <summary>The one way a measurement is stored: the current value of its period replaced (with the reason), audited on the area's stream.</summary>
internal static class MeasurementStore
{
    public static async Task<Measurement> StoreAsync(CaseworkDbContext db, AuditTrail audit, Casework.Workflows.Engine.Actor actor, string displayName, DateTimeOffset now, MeasurementRow row, string? reason, IReadOnlyList<Measurement> replaced, CancellationToken ct)
    {
        foreach (var old in replaced)
        {
            old.Replace(actor.UserId, reason!.Trim(), now);
        }

        var m = new Measurement(Guid.NewGuid(), row.Indicator, row.Focusgebied, row.Period, row.Value, row.Source, row.SourceDate, false, actor.UserId, displayName, now);
        db.Add(m);
        var old1 = replaced.Count > 0 ? replaced[0] : null;
        await audit.AppendAsync(ProgrammeAccess.Stream(row.Focusgebied), actor, old1 is null ? "meting.vastgelegd" : "meting.vervangen", "meting", m.Id.ToString(), "ok",
            old1 is null ? null : new { waarde = old1.Value, bron = old1.Source, brondatum = old1.SourceDate },
            new { indicator = m.IndicatorCode, periode = m.Period, waarde = m.Value, bron = m.Source, brondatum = m.SourceDate },
            old1 is null ? null : reason, ct);
        return m;
    }
}
