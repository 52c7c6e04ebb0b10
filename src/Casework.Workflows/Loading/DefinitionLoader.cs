using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Casework.Workflows.Definitions;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Casework.Workflows.Loading;

/// <summary>A definition that loaded and linted clean, with the SHA-256 of its file bytes (hex, lowercase).</summary>
public sealed record LoadedDefinition(WorkflowDefinition Definition, string File, string ContentHash);

public sealed record DefinitionLoadResult(IReadOnlyList<LoadedDefinition> Definitions, IReadOnlyList<LintError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The definitions as a catalog; throws <see cref="DefinitionLoadException"/> when any file had errors.</summary>
    public DefinitionCatalog ToCatalog() => IsValid ? new DefinitionCatalog(Definitions) : throw new DefinitionLoadException(Errors);
}

/// <summary>
/// Reads definition files (the only I/O of this project): parse, validate against the embedded schema,
/// then the semantic lint. A file with any error is not returned as a definition.
/// </summary>
public sealed class DefinitionLoader
{
    public const string SchemaFileName = "schema.json";

    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadSchemaAsync);

    private static readonly JsonSerializerOptions ModelOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly DefinitionLinter _linter;

    public DefinitionLoader(LintOptions options)
    {
        _linter = new DefinitionLinter(options);
    }

    /// <summary>Loads every <c>*.json</c> except <c>schema.json</c>, in ordinal file-name order.</summary>
    public async Task<DefinitionLoadResult> LoadDirectoryAsync(string directory, CancellationToken ct = default)
    {
        var files = Directory.GetFiles(directory, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), SchemaFileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

        var definitions = new List<LoadedDefinition>();
        var errors = new List<LintError>();
        foreach (var file in files)
        {
            var result = await LoadFileAsync(file, ct);
            definitions.AddRange(result.Definitions);
            errors.AddRange(result.Errors);
        }

        foreach (var duplicate in definitions.GroupBy(d => (d.Definition.DefinitionId, d.Definition.Version)).Where(g => g.Count() > 1))
        {
            foreach (var later in duplicate.Skip(1))
            {
                errors.Add(new LintError(later.File, "$.version", $"definition '{duplicate.Key.DefinitionId}' version {duplicate.Key.Version} is also defined in '{duplicate.First().File}'"));
            }
        }

        var clean = definitions.Where(d => !errors.Any(e => e.File == d.File)).ToList();
        return new DefinitionLoadResult(clean, errors);
    }

    public async Task<DefinitionLoadResult> LoadFileAsync(string path, CancellationToken ct = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        return await LoadAsync(Path.GetFileName(path), bytes);
    }

    /// <summary>Loads one definition from its bytes; <paramref name="fileName"/> is used in errors and checked against the id and version.</summary>
    public async Task<DefinitionLoadResult> LoadAsync(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = ContentHash(content);
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');

        try
        {
            using var document = JsonDocument.Parse(text);

            // A repeated key would silently let the last one win; in a definition that hides a mistake.
            var duplicates = new List<LintError>();
            FindDuplicateKeys(document.RootElement, "$", fileName, duplicates);
            if (duplicates.Count > 0)
            {
                return Failed([.. duplicates]);
            }
        }
        catch (JsonException ex)
        {
            return Failed(new LintError(fileName, "$", DescribeParseError(ex)));
        }

        var schema = await Schema.Value;
        var schemaErrors = schema.Validate(text)
            .SelectMany(Flatten)
            .Select(e => new LintError(fileName, ToJsonPath(e.Path), "schema: " + DescribeSchemaError(e)))
            .Distinct()
            .OrderBy(e => e.JsonPath, StringComparer.Ordinal)
            .ToList();
        if (schemaErrors.Count > 0)
        {
            return Failed([.. schemaErrors]);
        }

        WorkflowDefinition definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(text, ModelOptions)
                ?? throw new JsonException("the definition is null");
        }
        catch (JsonException ex)
        {
            // The schema should make this unreachable; if the two ever disagree, report it like any other error.
            return Failed(new LintError(fileName, ex.Path ?? "$", $"cannot be read as a definition: {ex.Message}"));
        }

        var lintErrors = _linter.Lint(fileName, definition);
        return lintErrors.Count > 0
            ? Failed([.. lintErrors])
            : new DefinitionLoadResult([new LoadedDefinition(definition, fileName, hash)], []);
    }

    /// <summary>SHA-256 of the file bytes as lowercase hex: what a published version is pinned to.</summary>
    public static string ContentHash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static DefinitionLoadResult Failed(params LintError[] errors) => new([], errors);

    private static string DescribeParseError(JsonException ex)
    {
        // The reader appends its own " LineNumber: n | BytePositionInLine: m." (zero-based); we say it once, one-based.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        var line = (ex.LineNumber ?? 0) + 1;
        var position = (ex.BytePositionInLine ?? 0) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"invalid JSON at line {line}, position {position}: {message}");
    }

    private static void FindDuplicateKeys(JsonElement element, string path, string fileName, List<LintError> errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    errors.Add(new LintError(fileName, path, $"duplicate key '{property.Name}'"));
                }

                FindDuplicateKeys(property.Value, $"{path}.{property.Name}", fileName, errors);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                FindDuplicateKeys(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), fileName, errors);
            }
        }
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            return child.Errors.Values.SelectMany(list => list).SelectMany(Flatten);
        }

        return [error];
    }

    /// <summary>NJsonSchema paths look like <c>#/actions[3].guards[0].name</c>; ours like <c>$.actions[3].guards[0].name</c>.</summary>
    internal static string ToJsonPath(string? schemaPath)
    {
        if (string.IsNullOrEmpty(schemaPath) || schemaPath == "#" || schemaPath == "#/")
        {
            return "$";
        }

        var path = schemaPath.StartsWith("#/", StringComparison.Ordinal) ? schemaPath[2..] : schemaPath.TrimStart('#');
        return path.StartsWith('[') ? "$" + path : "$." + path;
    }

    private static string DescribeSchemaError(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property '{error.Property}' is not allowed",
            ValidationErrorKind.PatternMismatch => $"value does not match the pattern {schema?.Pattern}",
            ValidationErrorKind.NotInEnumeration => $"value is not one of: {string.Join(", ", schema?.Enumeration ?? [])}",
            ValidationErrorKind.StringExpected => "a string is expected",
            ValidationErrorKind.IntegerExpected => "an integer is expected",
            ValidationErrorKind.NumberExpected => "a number is expected",
            ValidationErrorKind.BooleanExpected => "true or false is expected",
            ValidationErrorKind.ArrayExpected => "an array is expected",
            ValidationErrorKind.ObjectExpected => "an object is expected",
            ValidationErrorKind.NumberTooSmall => string.Create(CultureInfo.InvariantCulture, $"the value must be at least {schema?.Minimum}"),
            ValidationErrorKind.TooFewItems => string.Create(CultureInfo.InvariantCulture, $"at least {schema?.MinItems} item(s) are needed"),
            ValidationErrorKind.ItemsNotUnique => "items must be unique",
            ValidationErrorKind.StringTooShort => "the value must not be empty",
            _ => error.Kind.ToString(),
        };
    }

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        var assembly = typeof(DefinitionLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream("Casework.Workflows.schema.json")
            ?? throw new InvalidOperationException("The embedded definition schema is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync());
    }
}
