using System.Net;
using Casework.Web.Tests.Infrastructure;

namespace Casework.Web.Tests.Access;

/// <summary>Whenever the development sign-in is on, the host says so once at start, as a warning; when it is off, not at all.</summary>
[Collection(HostLogsGroup.Name)]
public sealed class DevSignInBannerTests
{
    [Fact]
    public async Task Development_OnThisMachineOnly_WarnsOnceAtStart()
    {
        await using var factory = new CaseworkWebFactory();
        var (app, logs) = HostLogs.Attach(factory);
        using (app)
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

            var banner = Assert.Single(logs.Warnings("DEVELOPMENT SIGN-IN IS ON"));
            Assert.Contains("loopback", banner.RenderMessage(null), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExplicitlyEnabled_WarnsOnceAtStartThatItIsForEveryone()
    {
        await using var factory = new CaseworkWebFactory { EnvironmentName = "Production", Settings = { ["DevSignIn:Enabled"] = "true" } };
        var (app, logs) = HostLogs.Attach(factory);
        using (app)
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

            Assert.Single(logs.Warnings("DEVELOPMENT SIGN-IN IS ON FOR EVERYONE"));
        }
    }

    [Fact]
    public async Task Off_DoesNotWarn()
    {
        await using var factory = new CaseworkWebFactory
        {
            EnvironmentName = "Production",
            Settings = { ["Authentication:Authority"] = "https://login.example.test/realms/casework", ["Authentication:ClientId"] = "casework" },
        };
        var (app, logs) = HostLogs.Attach(factory);
        using (app)
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

            Assert.Empty(logs.Warnings("DEVELOPMENT SIGN-IN"));
        }
    }
}
