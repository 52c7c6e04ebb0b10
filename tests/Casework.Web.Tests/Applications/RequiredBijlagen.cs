using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Documents;
using Casework.Web.Tests.Infrastructure;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// Attaches, as the gemeente would before submitting, one small PDF for each bijlage the application's round requires
/// and its dossier lacks (a round announced in Casework requires the regeling's standard bijlagen; the seeded historic
/// rounds require none). Through the API's upload, so the documents are real dossier entries.
/// </summary>
internal static class RequiredBijlagen
{
    /// <returns>The types it attached (empty when the round requires none or all are there).</returns>
    public static async Task<IReadOnlyList<string>> AttachAsync(HttpClient gemeente, Guid applicationId)
    {
        var application = await gemeente.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}");
        var missing = application.GetProperty("requiredDocuments").EnumerateArray()
            .Where(d => !d.GetProperty("present").GetBoolean())
            .Select(d => d.GetProperty("informatieobjecttype").GetString()!)
            .ToList();
        var seed = 10;
        foreach (var type in missing)
        {
            using var form = DossierHost.Form(DossierHost.Pdf(1500, seed++), type + ".pdf", type);
            var response = await gemeente.PostAsync($"/api/v1/cases/{applicationId}/documents", form);
            await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        }

        return missing;
    }
}
