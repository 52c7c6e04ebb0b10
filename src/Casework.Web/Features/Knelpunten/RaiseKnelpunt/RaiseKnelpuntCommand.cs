using Mediator;

namespace Casework.Web.Features.Knelpunten;

/// <summary>Request body of <c>POST /api/v1/knelpunten</c>.</summary>
public sealed record RaiseKnelpuntRequest(
    string? Titel,
    string? Omschrijving,
    WetReferentieDto? Wet,
    string? Domein,
    IReadOnlyList<string>? Focusgebieden,
    string? VoorgesteldeOplossing,
    IReadOnlyList<Guid>? GerelateerdAan);

public sealed record RaiseKnelpuntCommand(
    string Titel,
    string Omschrijving,
    WetReferentieDto? Wet,
    string? Domein,
    IReadOnlyList<string> Focusgebieden,
    string? VoorgesteldeOplossing,
    IReadOnlyList<Guid> GerelateerdAan) : ICommand<KnelpuntDto>;
