using System.Net;
using System.Net.Sockets;

namespace Casework.Benchmarks;

/// <summary>Where the bench finds the repository and its build, and a free port for a Casework.Web it starts.</summary>
internal static class BenchPaths
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The build configuration the bench itself runs in, so it starts the Casework.Web of the same build.</summary>
    public static string Configuration() => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Casework.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Casework.sln not found above " + AppContext.BaseDirectory);
    }
}
