using System.Net;
using System.Net.Http.Json;
using Casework.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The programme monitor in a real browser, keyboard only, axe-core clean: the overview sorted by a column, a
/// focusgebied whose indicator chart has its data table, a measurement entered by the alliance secretariat, the
/// register and the voortgangsrapportage.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProgrammeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task FocusgebiedPage_IsAxeClean_AndItsChartHasItsDataTable_AndTheAllianceEntersAMeasurementByKeyboard()
    {
        var name = $"Buurtbetrokkenheid {Guid.NewGuid().ToString("N")[..6]}";
        using (var api = await fixture.Factory.SignInAsync("alliantie-rotterdam-zuid"))
        {
            var added = await api.PostAsJsonAsync("/api/v1/indicatoren", new { name, actielijn = "veiligheid", unit = "%", betterDirection = "Hoger", usualSource = "Veiligheidsmonitor", focusgebied = "rotterdam-zuid" });
            await HttpAssert.StatusAsync(HttpStatusCode.Created, added);
            var code = (await added.ReadJsonAsync()).GetProperty("code").GetString();
            await HttpAssert.StatusAsync(HttpStatusCode.Created, await api.PostAsJsonAsync("/api/v1/focusgebieden/rotterdam-zuid/metingen", new { indicator = code, period = "2022", value = 41.5m, source = "Veiligheidsmonitor 2022", sourceDate = "2023-03-01" }));
            await HttpAssert.StatusAsync(HttpStatusCode.Created, await api.PostAsJsonAsync("/api/v1/focusgebieden/rotterdam-zuid/doelen", new
            {
                soort = "Uitvoeringsprogramma", actielijn = "veiligheid", omschrijving = $"{name} stijgt", indicator = code,
                baselineValue = 40m, baselineDate = "2022-01-01", baselineSource = "Veiligheidsmonitor 2021", streefwaarde = 50m, targetDate = "2030-12-31",
            }));
        }

        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync("alliantie-rotterdam-zuid", "/focusgebieden");
        await session.AssertAccessibleAsync("80-focusgebieden-overzicht");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Link, new() { Name = "Sorteer op gemeente" }));
        await Assertions.Expect(session.Page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Gemeente");

        await session.PressAsync(session.Page.GetByRole(AriaRole.Link, new() { Name = "Rotterdam-Zuid", Exact = true }));
        await Assertions.Expect(session.Page.Locator("h1")).ToHaveTextAsync("Rotterdam-Zuid");
        var section = session.Page.Locator("section.indicator", new() { Has = session.Page.GetByRole(AriaRole.Heading, new() { Name = name }) });
        var chart = section.GetByRole(AriaRole.Img);
        await Assertions.Expect(chart).ToHaveAccessibleNameAsync($"{name} in de tijd");
        await Assertions.Expect(chart).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Metingen: 2022 41,5"));
        var table = section.GetByRole(AriaRole.Table, new() { Name = $"Metingen van {name}" });
        await Assertions.Expect(table).ToContainTextAsync("41,5");
        await Assertions.Expect(table).ToContainTextAsync("Streefwaarde");
        await session.AssertAccessibleAsync("81-focusgebied-indicator");

        await session.PressAsync(session.Page.GetByRole(AriaRole.Link, new() { Name = "Doelen, streefwaarden en metingen bijhouden" }));
        await session.AssertAccessibleAsync("82-focusgebied-bijhouden");
        await session.ChooseAsync(session.Page.GetByLabel("Indicator", new() { Exact = true }), $"{name} (%)");
        await session.TypeAsync(session.Page.GetByLabel("Periode", new() { Exact = true }), "2024");
        await session.TypeAsync(session.Page.GetByLabel("Waarde", new() { Exact = true }), "44,75");
        await session.TypeAsync(session.Page.GetByLabel("Bron", new() { Exact = true }), "Veiligheidsmonitor 2024");
        await session.TypeAsync(session.Page.GetByLabel("Datum van de bron"), "01-03-2025");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Meting vastleggen" }));

        await Assertions.Expect(session.Alerts).ToContainTextAsync("De meting voor 2024 is vastgelegd.");
        await Assertions.Expect(table).ToContainTextAsync("44,75");
        await Assertions.Expect(chart.Locator("circle")).ToHaveCountAsync(2);
        await session.AssertAccessibleAsync("83-focusgebied-na-meting");

        await session.Page.GotoAsync("/knelpuntenregister");
        await session.AssertAccessibleAsync("84-knelpuntenregister");
        await session.Page.GotoAsync("/voortgangsrapportage?halfjaar=2024-H1");
        await session.AssertAccessibleAsync("85-voortgangsrapportage");
        await session.Page.GotoAsync("/indicatoren");
        await session.AssertAccessibleAsync("86-indicatoren");
    }
}
