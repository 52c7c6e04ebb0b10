using Casework.Workflows.Guards;
using Casework.Workflows.Vocabulary;

namespace Casework.Workflows.Tests.Support;

internal sealed class FakeGuard : IWorkflowGuard
{
    private readonly Func<GuardInvocation, ValueTask<GuardOutcome>> _evaluate;

    public FakeGuard(string name, Func<GuardInvocation, ValueTask<GuardOutcome>> evaluate)
    {
        Name = name;
        _evaluate = evaluate;
    }

    public string Name { get; }

    public List<GuardInvocation> Invocations { get; } = [];

    public static FakeGuard Passing(string name) => new(name, _ => ValueTask.FromResult(GuardOutcome.Pass));

    public static FakeGuard Failing(string name, string code, string message, string? source = null) =>
        new(name, _ => ValueTask.FromResult(GuardOutcome.Fail(code, message, source)));

    public ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        lock (Invocations)
        {
            Invocations.Add(invocation);
        }

        return _evaluate(invocation);
    }

    /// <summary>Every catalog guard passing, except the ones given.</summary>
    public static GuardRegistry Registry(params IWorkflowGuard[] overrides) =>
        new(GuardCatalog.Names
            .Where(n => !overrides.Any(o => o.Name == n))
            .Select(n => (IWorkflowGuard)Passing(n))
            .Concat(overrides));
}
