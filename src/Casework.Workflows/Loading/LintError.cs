namespace Casework.Workflows.Loading;

/// <summary>One thing wrong with a definition file: the file name, the JSON path inside it and what is wrong.</summary>
public sealed record LintError(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>The names the lint accepts besides the fixed effect vocabulary; tests pass their own.</summary>
public sealed record LintOptions(IReadOnlySet<string> KnownGuards, IReadOnlySet<string> KnownRoles)
{
    /// <summary>The guards of <see cref="Vocabulary.GuardCatalog"/> and every <see cref="Domain.Access.Role"/>.</summary>
    public static LintOptions Default { get; } = new(
        Vocabulary.GuardCatalog.Names,
        Enum.GetNames<Domain.Access.Role>().ToHashSet(StringComparer.Ordinal));
}

/// <summary>Thrown when definitions do not load cleanly: the host refuses to start and prints every error.</summary>
public sealed class DefinitionLoadException : Exception
{
    public DefinitionLoadException(IReadOnlyList<LintError> errors)
        : base("Invalid workflow definitions:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<LintError> Errors { get; }
}
