using Casework.Web.Persistence.Configurations;
using Casework.Web.Features.Workflows;
using FluentValidation;

namespace Casework.Web.Features.Deadlines;

internal sealed class PostponeBeslistermijnValidator : AbstractValidator<PostponeBeslistermijnCommand>
{
    // Only what can be judged before knowing who asks; the rest is checked after access (an auditor or another
    // organisation is refused whatever it sends).
    public PostponeBeslistermijnValidator() => RuleFor(c => c.ExpectedVersion).IsCaseVersion();
}
