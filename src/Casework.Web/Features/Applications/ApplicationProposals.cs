using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>The proposal of a draft (create and revise alike), with what only the database can check.</summary>
internal static class ApplicationProposals
{
    /// <summary>Checks what only the database knows (the applicant and members are gemeenten, the focusgebied exists).</summary>
    public static async Task<(ApplicationProposal Proposal, string? FocusgebiedCode)> CheckAsync(CaseworkDbContext db, ApplicationRequest request, Regeling regeling, string applicant, CancellationToken ct)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        var members = request.JointMembers ?? [];
        var codes = members.Append(applicant).ToList();
        var gemeenten = await db.Organisations.AsNoTracking()
            .Where(o => codes.Contains(o.Code) && o.Kind == OrganisationKind.Gemeente)
            .Select(o => o.Code).ToListAsync(ct);
        if (!gemeenten.Contains(applicant))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Alleen een gemeente kan aanvragen; '{applicant}' is geen gemeente.");
        }

        foreach (var member in members.Where(m => !gemeenten.Contains(m)))
        {
            failures.Add(new("jointMembers", $"'{member}' is geen gemeente; een regio bestaat uit gemeenten."));
        }

        if (members.Contains(applicant))
        {
            failures.Add(new("jointMembers", "De aanvragende gemeente is de trekker; noem haar niet ook als deelnemer."));
        }

        string? focusgebiedName = null;
        string? focusgebiedCode = null;
        if (!string.IsNullOrWhiteSpace(request.Focusgebied))
        {
            var focusgebied = await db.Focusgebieden.AsNoTracking().FirstOrDefaultAsync(f => f.Code == request.Focusgebied, ct);
            if (focusgebied is null)
            {
                failures.Add(new("focusgebied", $"'{request.Focusgebied}' is geen stedelijk focusgebied (zie /reference/focusgebieden)."));
            }
            else
            {
                focusgebiedName = focusgebied.Name;
                focusgebiedCode = focusgebied.Code;
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return (ApplicationMapping.ToProposal(request, regeling, applicant, focusgebiedName), focusgebiedCode);
    }
}
