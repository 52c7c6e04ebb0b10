using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;

namespace Casework.Web.Tests.Validation;

/// <summary>
/// A validation error is read by a Dutch civil servant: the sentence is Dutch and names the field by its Dutch label,
/// never FluentValidation's English default ("The length of 'Voorgestelde Oplossing' must be ...") or a property
/// path such as <c>wet.artikel</c>. The error's key stays the API's field name, so a client can still map it.
/// </summary>
public sealed class DutchValidationMessageTests(SharedHost host) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task TooLongKnelpuntFields_AreRefusedInDutch_NamingTheirLabels()
    {
        using var client = await host.Factory.SignInAsync("rotterdam-aanvrager");
        var response = await client.PostAsJsonAsync("/api/v1/knelpunten", new
        {
            titel = "Schuldhulp loopt vast",
            omschrijving = "Inwoners lopen vast tussen twee regelingen.",
            wet = new { naam = "Participatiewet", bwbId = "BWBR0015703", artikel = new string('1', 101) },
            domein = "schulden",
            voorgesteldeOplossing = new string('x', 8001),
        });

        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, response);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        var solution = Messages(errors, "voorgesteldeOplossing");
        var article = Messages(errors, "wet.artikel");

        Assert.Contains(solution, m => m.Contains("Voorgestelde oplossing", StringComparison.Ordinal) && m.Contains("8000", StringComparison.Ordinal) && m.Contains("karakters", StringComparison.Ordinal));
        Assert.Contains(article, m => m.Contains("Artikel", StringComparison.Ordinal) && m.Contains("karakters", StringComparison.Ordinal));
        Assert.All(solution.Concat(article), m => Assert.DoesNotContain("must be", m, StringComparison.Ordinal));
        Assert.All(article, m => Assert.DoesNotContain("Wet Artikel", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEnglishNamedProperty_IsShownByItsDutchLabel()
    {
        using var client = await host.Factory.SignInAsync("rotterdam-aanvrager");
        var response = await client.FireAsync(Guid.NewGuid(), "intrekken", 1, new { reason = new string('x', 4001) });

        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, response);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains(Messages(errors, "reason"), m => m.Contains("Toelichting", StringComparison.Ordinal) && m.Contains("4000", StringComparison.Ordinal) && m.Contains("karakters", StringComparison.Ordinal));
    }

    private static List<string> Messages(JsonElement errors, string key)
    {
        var property = errors.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
        Assert.True(property.Value.ValueKind == JsonValueKind.Array, $"no error for '{key}' in {errors}");
        return property.Value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
