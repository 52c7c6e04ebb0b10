using Mediator;

namespace Casework.Web.Features.Vastlopers;

/// <summary>Request body of <c>POST /api/v1/vastlopers</c>.</summary>
public sealed record RaiseVastloperRequest(string? Titel, string? Omschrijving, string? Focusgebied, DateOnly? BesprokenInOverlegDate);

public sealed record RaiseVastloperCommand(string Titel, string Omschrijving, string Focusgebied, DateOnly? BesprokenInOverlegDate) : ICommand<VastloperDto>;
