using Mediator;

namespace Casework.Web.Features.Knelpunten;

public sealed record GetKnelpuntQuery(Guid Id) : IQuery<KnelpuntDto>;
