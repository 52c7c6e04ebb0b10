using System.Linq.Expressions;
using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Api;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

/// <summary>
/// Who sees which case, applied in every query and every command (not only in pages):
/// auditors and administrators see all; gemeente users see their own organisation's cases (a joint
/// application is visible to each member); everyone else sees what is routed to their organisation, what
/// they lead, the cases on their body's agenda, and what their organisation acted on. Another
/// organisation's case is 404, and absent from lists.
/// </summary>
internal static class CaseAccess
{
    public static bool SeesEverything(Actor actor) =>
        actor.IsSystem || actor.Roles.Contains(Role.Auditor) || actor.Roles.Contains(Role.Beheerder);

    // The two scoping rules, as expressions over (case, organisation): VisibleTo applies them to any query, and the
    // compiled loads of a transition below are built from the same expressions, so the rules exist once.
    private static readonly Expression<Func<CaseFile, string, bool>> OwnedBy =
        (c, org) => c.OwningOrganisation == org || c.Members.Any(m => m.OrganisationCode == org);

    private static readonly Expression<Func<CaseFile, string, bool>> InvolvedWith =
        (c, org) => c.OwningOrganisation == org
            || c.Members.Any(m => m.OrganisationCode == org)
            || c.RoutedTo == org
            || c.LeadDepartment == org
            || c.BodyCode == org
            || c.Statuses.Any(s => s.ActorOrganisation == org);

    /// <summary>Which rule applies to the actor; null: sees everything.</summary>
    private static Expression<Func<CaseFile, string, bool>>? RuleFor(Actor actor) =>
        SeesEverything(actor) ? null
        : actor.Roles.All(r => r == Role.GemeenteAanvrager) ? OwnedBy
        : InvolvedWith;

    public static IQueryable<CaseFile> VisibleTo(this IQueryable<CaseFile> cases, Actor actor)
    {
        if (SeesEverything(actor))
        {
            return cases;
        }

        // No role, no cases (and not "only gemeente roles", which All() would say of an empty set).
        if (actor.Roles.Count == 0)
        {
            return cases.Where(_ => false);
        }

        return cases.Where(Bind(RuleFor(actor)!, actor.Organisation));
    }

    /// <summary>Loads a case the actor may see (tracked, with its statuses and members), or 404.</summary>
    /// <param name="withHistory">
    /// False leaves the status history out (members still come along) and runs a compiled query: for a
    /// transition, which only appends a status numbered from <see cref="CaseFile.LastStatusSequence"/>. Loading
    /// and tracking the whole, ever growing history was the largest part of a transition's time that was not
    /// the COMMIT, and EF Core's per-call LINQ work (parameter extraction, query-cache lookup) came next.
    /// </param>
    public static async Task<CaseFile> LoadVisibleAsync(CaseworkDbContext db, Guid id, Actor actor, CancellationToken ct, bool tracked = true, bool withHistory = true)
    {
        if (tracked && !withHistory)
        {
            var found = actor.Roles.Count == 0 && !SeesEverything(actor)
                ? null
                : RuleFor(actor) switch
                {
                    null => await LoadForTransition.For(db)(db, id, string.Empty, ct),
                    var rule when rule == OwnedBy => await LoadOwnedForTransition.For(db)(db, id, actor.Organisation, ct),
                    _ => await LoadInvolvedForTransition.For(db)(db, id, actor.Organisation, ct),
                };
            return found ?? throw ApiProblemException.NotFound("De zaak");
        }

        var query = db.Cases.Where(c => c.Id == id).VisibleTo(actor);
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        if (!withHistory)
        {
            query = query.IgnoreAutoIncludes();
        }

        return await query.FirstOrDefaultAsync(ct) ?? throw ApiProblemException.NotFound("De zaak");
    }

    private static readonly CompiledPerContext<Func<CaseworkDbContext, Guid, string, CancellationToken, Task<CaseFile?>>> LoadForTransition = new(() => CompileLoad(null));
    private static readonly CompiledPerContext<Func<CaseworkDbContext, Guid, string, CancellationToken, Task<CaseFile?>>> LoadOwnedForTransition = new(() => CompileLoad(OwnedBy));
    private static readonly CompiledPerContext<Func<CaseworkDbContext, Guid, string, CancellationToken, Task<CaseFile?>>> LoadInvolvedForTransition = new(() => CompileLoad(InvolvedWith));

    /// <summary>db.Cases.IgnoreAutoIncludes().Where(id).Where(rule(c, org)).FirstOrDefault(), tracked, compiled once.</summary>
    private static Func<CaseworkDbContext, Guid, string, CancellationToken, Task<CaseFile?>> CompileLoad(Expression<Func<CaseFile, string, bool>>? rule)
    {
        Expression<Func<CaseworkDbContext, Guid, string, CancellationToken, CaseFile?>> template =
            (db, id, org, ct) => db.Cases.IgnoreAutoIncludes().Where(c => c.Id == id).Where(c => Rule(c, org)).FirstOrDefault();
        var body = new InlineRule(rule).Visit(template.Body);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<CaseworkDbContext, Guid, string, CancellationToken, CaseFile?>>(body, template.Parameters));
    }

    /// <summary>Placeholder in the template above; replaced by the rule's body before EF Core sees the query.</summary>
    private static bool Rule(CaseFile c, string org) => throw new InvalidOperationException($"{nameof(Rule)} is a placeholder for a scoping rule ({c.Id}, {org}).");

    /// <summary>The rule with its organisation parameter bound to a value EF Core turns into a SQL parameter (as a captured variable would be).</summary>
    private static Expression<Func<CaseFile, bool>> Bind(Expression<Func<CaseFile, string, bool>> rule, string organisation)
    {
        var value = Expression.Property(Expression.Constant(new Bound(organisation)), nameof(Bound.Organisation));
        return Expression.Lambda<Func<CaseFile, bool>>(new Substitute(rule.Parameters[1], value).Visit(rule.Body), rule.Parameters[0]);
    }

    private sealed record Bound(string Organisation);

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>Replaces <c>Rule(c, org)</c> with the rule's body on those arguments, or with <c>true</c> when there is no rule.</summary>
    private sealed class InlineRule(Expression<Func<CaseFile, string, bool>>? rule) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(Rule) || node.Method.DeclaringType != typeof(CaseAccess))
            {
                return base.VisitMethodCall(node);
            }

            if (rule is null)
            {
                return Expression.Constant(true);
            }

            var body = new Substitute(rule.Parameters[0], node.Arguments[0]).Visit(rule.Body);
            return new Substitute(rule.Parameters[1], node.Arguments[1]).Visit(body);
        }
    }

    /// <summary>Auditors read everything and write nothing.</summary>
    public static void EnsureMayWrite(Actor actor)
    {
        if (!actor.IsSystem && actor.Roles.Count > 0 && actor.Roles.All(r => r == Role.Auditor))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Een auditor leest alles maar wijzigt niets.");
        }
    }
}
