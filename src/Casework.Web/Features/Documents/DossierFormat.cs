using System.Globalization;
using Casework.Domain.Documents;

namespace Casework.Web.Features.Documents;

/// <summary>How the pages write a document's size and confidentiality.</summary>
public static class DossierFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(Dutch, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        >= 1024 => string.Create(Dutch, $"{bytes / 1024.0:0} kB"),
        _ => string.Create(Dutch, $"{bytes} bytes"),
    };

    public static string Vertrouwelijkheid(string zgw) => Domain.Documents.Vertrouwelijkheid.FromZgw(zgw)?.Label() ?? zgw;
}
