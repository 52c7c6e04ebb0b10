using Mediator;

namespace Casework.Web.Features.Audit;

public sealed record AuditCheckpointDto(long Id, DateTimeOffset At, int Streams, string Hash);

public sealed record TakeAuditCheckpointCommand : ICommand<AuditCheckpointDto>, Infrastructure.Pipeline.IAuditorMayWrite;
