namespace Casework.Web.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The folder holding Casework.sln, found by walking up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Casework.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Casework.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
