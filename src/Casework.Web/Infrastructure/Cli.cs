using Casework.Web.Features.Audit;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Loading;

namespace Casework.Web.Infrastructure;

/// <summary>
/// Command-line verbs of the host: <c>definitions validate [folder]</c> (exit 0 when every definition
/// is valid) and <c>audit verify</c> (exit 0 when every audit chain is intact).
/// </summary>
internal static class Cli
{
    public static bool IsDefinitionsValidate(string[] args) => args.Length >= 2 && args[0] == "definitions" && args[1] == "validate";

    public static bool IsAuditVerify(string[] args) => args.Length >= 2 && args[0] == "audit" && args[1] == "verify";

    public static async Task<int> ValidateDefinitionsAsync(string[] args, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new WorkflowOptions();
        var folder = args.Length >= 3 ? Path.GetFullPath(args[2]) : options.ResolveDefinitionsPath();
        if (!Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"{folder}: $: the workflow definitions folder does not exist");
            return 2;
        }

        var result = await new DefinitionLoader(LintOptions.Default).LoadDirectoryAsync(folder);
        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync(error.ToString());
        }

        foreach (var loaded in result.Definitions)
        {
            await Console.Out.WriteLineAsync($"ok  {loaded.Definition.DefinitionId} v{loaded.Definition.Version}  {Path.GetFileName(loaded.File)}  sha256:{loaded.ContentHash}");
        }

        await Console.Out.WriteLineAsync(result.IsValid
            ? $"{result.Definitions.Count} definitions valid."
            : $"{result.Errors.Count} error(s) in {folder}.");
        return result.IsValid ? 0 : 1;
    }

    public static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        foreach (var b in result.Breaks)
        {
            await Console.Error.WriteLineAsync($"{b.Stream} #{b.Sequence} [{b.Kind}] {b.Message}");
        }

        await Console.Out.WriteLineAsync($"{result.Streams} streams, {result.Events} events: {(result.Intact ? "intact" : result.Breaks.Count + " break(s)")}.");
        return result.Intact ? 0 : 1;
    }
}
