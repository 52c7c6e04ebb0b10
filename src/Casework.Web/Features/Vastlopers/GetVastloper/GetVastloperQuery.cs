using Mediator;

namespace Casework.Web.Features.Vastlopers;

public sealed record GetVastloperQuery(Guid Id) : IQuery<VastloperDto>;
