using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Tranches;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>Money reclaimed from a gemeente on an application, with the reason.</summary>
internal sealed class Reclamation
{
    private Reclamation()
    {
        Reason = string.Empty;
        RecordedBy = string.Empty;
    }

    public Reclamation(Guid applicationId, Money amount, string reason, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Amount = amount;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Money Amount { get; private set; }

    public string Reason { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
