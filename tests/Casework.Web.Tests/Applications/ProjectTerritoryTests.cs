using System.Net;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>A gemeente applies for its own territory: the focusgebied of the project lies in the applicant gemeente.</summary>
public sealed class ProjectTerritoryTests : IAsyncLifetime
{
    private readonly ApplicationsHost _host = new(Amsterdam("2023-08-01 10:00"));
    private Guid _vhf2023;

    public async Task InitializeAsync() => _vhf2023 = await _host.TrancheIdAsync("Vhf", "2023");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Submit_AmsterdamVhfProjectInFocusgebiedRotterdamZuid_IsRefusedAndStaysADraft()
    {
        var created = await _host.CreateAsync("GM0363", Vhf("rotterdam-zuid"));

        var response = await _host.SubmitAsync("GM0363", created);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await BodyAsync(response);
        var rule = Assert.Single(body.GetProperty("brokenRules").EnumerateArray(), r => r.GetProperty("code").GetString() == "VHF-GEBIED-EIGEN-GEMEENTE");
        Assert.Contains("GM0599", rule.GetProperty("message").GetString(), StringComparison.Ordinal);
        var application = await OkAsync(await (await _host.GemeenteAsync("GM0363")).GetAsync($"/api/v1/applications/{created.GetProperty("id").GetGuid()}"));
        Assert.Equal("concept", application.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("GM0599", "rotterdam-zuid")]
    [InlineData("GM0363", "amsterdam-zuidoost")]
    public async Task Submit_VhfProjectInTheApplicantsOwnFocusgebied_IsAdmitted(string cbs, string focusgebied)
    {
        var created = await _host.CreateAsync(cbs, Vhf(focusgebied));

        await OkAsync(await _host.SubmitAsync(cbs, created));
    }

    private ApplicationBuilder Vhf(string focusgebied) =>
        ApplicationBuilder.Wbi(_vhf2023).With(a =>
        {
            a.PrimaryActivitiesAmount = 5_000_000m;
            a.Focusgebied = focusgebied;
        });
}
