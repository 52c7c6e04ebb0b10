using Microsoft.AspNetCore.Http.Extensions;

namespace Casework.Web.Features.WorkQueue;

/// <summary>Page links that keep the list's filters: the same query string with another <c>pagina</c>.</summary>
public sealed record PagerModel(int Page, int PageCount, string Path, IReadOnlyList<KeyValuePair<string, string?>> Filters)
{
    public string Url(int page)
    {
        var query = new QueryBuilder(Filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
        if (page > 1)
        {
            query.Add("pagina", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Path + query.ToQueryString();
    }
}
