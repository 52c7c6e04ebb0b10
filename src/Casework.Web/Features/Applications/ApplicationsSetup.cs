namespace Casework.Web.Features.Applications;

using Casework.Web.Features.Applications.CommitteeScoring;

/// <summary>
/// The applications area: one folder per use case (command or query, validator, handler, endpoint), and at this level
/// what several use cases share (the request and response shapes, the mapping, the admission facts, the round's
/// ledger and ranking) and the pages.
/// </summary>
internal static class ApplicationsSetup
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<AdmissionContextLoader>();
        services.AddScoped<RoundLedger>();
        services.AddScoped<CommitteeScoring.CommitteeScoringContext>();
        services.AddScoped<Workflows.ICaseFactLoader, ApplicationFactLoader>();
        services.AddScoped<Casework.Workflows.Guards.IWorkflowGuard, AwardFitsGuard>();
        services.AddScoped<Casework.Workflows.Guards.IWorkflowGuard, RevocationFitsPaymentsGuard>();
        services.AddScoped<Workflows.IDecisionEffect, FundingDecisionEffect>();
        services.AddScoped<Workflows.ITransitionHook, SubmissionHook>();
        services.AddScoped<Workflows.ITermStartResolver, RoundBeslistermijn>();
        return services;
    }

    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/applications").WithTags("Aanvragen").RequireAuthorization()
            .MapCreateApplication()
            .MapGetApplication()
            .MapReviseApplication()
            .MapApplicationMergePatch()
            .MapSubmitApplication()
            .MapRecordScores()
            .MapAwardApplication()
            .MapRecordHerkansingLink()
            .MapGetApplicationPayments()
            .MapRecordPayment()
            .MapRecordReclaim()
            .MapCommitteeScoring();
        CommitteeScoring.CommitteeWorkEndpoints.MapCommitteeWorkEndpoints(api);
        return api;
    }
}
