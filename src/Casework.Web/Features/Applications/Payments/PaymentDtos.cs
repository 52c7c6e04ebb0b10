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

/// <summary>A payment on the award: the awarded portion paid out, the BTW-compensatiefonds share (0 when it does not apply) and the date.</summary>
public sealed record PaymentRequest(decimal Amount, decimal? BtwCompensatiefondsShare, DateOnly PaidOnDate);

/// <summary>Money reclaimed from the gemeente, with the reason.</summary>
public sealed record ReclaimRequest(decimal Amount, string? Reason);

public sealed record PaymentDto(Guid Id, Guid ApplicationId, decimal AwardedPortion, decimal BtwCompensatiefondsShare, decimal Paid, DateOnly PaidOnDate, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ReclaimDto(Guid Id, Guid ApplicationId, decimal Amount, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The application's money kept apart: awarded, awarded portion paid out, actually paid (less BTW share), reclaimed.</summary>
public sealed record ApplicationMoneyTotalsDto(decimal Awarded, decimal AwardedPaidOut, decimal Paid, decimal Reclaimed);

public sealed record PaymentResultDto(PaymentDto Payment, ApplicationMoneyTotalsDto Totals);

public sealed record ReclaimResultDto(ReclaimDto Reclaim, ApplicationMoneyTotalsDto Totals);

public sealed record ApplicationPaymentsDto(ApplicationMoneyTotalsDto Totals, IReadOnlyList<PaymentDto> Payments, IReadOnlyList<ReclaimDto> Reclaims);
