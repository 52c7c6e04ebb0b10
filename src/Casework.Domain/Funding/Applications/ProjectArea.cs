namespace Casework.Domain.Funding;

/// <summary>Where the project is: a named focusgebied, or another area described in text.</summary>
public sealed record ProjectArea(string? FocusgebiedName, string? Description)
{
    public static ProjectArea Focusgebied(string name) => new(name, null);

    public static ProjectArea Other(string description) => new(null, description);
}
