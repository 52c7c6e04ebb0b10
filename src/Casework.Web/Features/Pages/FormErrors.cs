using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Casework.Web.Features.Pages;

/// <summary>
/// A command's validator names the command's properties ("Titel", "Wet.Naam", "focusgebieden[0]"); a form binds its
/// fields as <c>Input.X</c>. This moves each error to its field, so the field shows it beside itself and the error
/// summary links to it; an error that belongs to no field stays in the summary.
/// </summary>
public static class FormErrors
{
    public static void MoveToFields(ModelStateDictionary state, IReadOnlyDictionary<string, string> fields, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var key in state.Keys.Where(k => k.Length > 0 && !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            var entry = state[key]!;
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var bracket = key.IndexOf('[', StringComparison.Ordinal);
            var bare = bracket >= 0 ? key[..bracket] : key;
            var target = fields.TryGetValue(key, out var exact) ? exact : fields.TryGetValue(bare, out var list) ? list : null;
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            state.Remove(key);
            foreach (var message in messages)
            {
                state.AddModelError(target is null ? string.Empty : $"{prefix}.{target}", message);
            }
        }
    }
}
