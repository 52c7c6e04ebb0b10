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

/// <summary>
/// One payment on an award: the awarded portion paid out, the BTW-compensatiefonds share withheld from it
/// and the amount actually transferred to the gemeente.
/// </summary>
internal sealed class Payment
{
    private Payment()
    {
        RecordedBy = string.Empty;
    }

    public Payment(Guid applicationId, Money awardedPortion, decimal btwCompensatiefondsShare, Money paid, DateOnly paidOnDate, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        AwardedPortion = awardedPortion;
        BtwCompensatiefondsShare = btwCompensatiefondsShare;
        Paid = paid;
        PaidOnDate = paidOnDate;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The application (and its case: same id).</summary>
    public Guid ApplicationId { get; private set; }

    public Money AwardedPortion { get; private set; }

    public decimal BtwCompensatiefondsShare { get; private set; }

    public Money Paid { get; private set; }

    public DateOnly PaidOnDate { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
