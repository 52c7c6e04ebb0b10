using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Casework.Web.Features.Pages;

/// <summary>
/// <c>&lt;cw-field for="Input.Homes" label="Aantal woningen" hint="..." type="number" /&gt;</c>: one NL Design System
/// form field (utrecht-form-field) with its label, optional hint, error message and control, wired for assistive
/// technology: the control names its hint and error in aria-describedby and says aria-invalid when wrong, and its id
/// is the one the error summary links to. Types: text (default), number, decimal, date, email, textarea, select
/// (with <see cref="Options"/>), checkbox. After a failed post it shows what the person typed, not the old value.
/// </summary>
[HtmlTargetElement("cw-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public string Type { get; set; } = "text";

    public bool Required { get; set; }

    public IEnumerable<SelectListItem>? Options { get; set; }

    /// <summary>The empty first option of a select ("Kies ...").</summary>
    public string? Placeholder { get; set; }

    public string? Autocomplete { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldIds.For(name);
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var invalid = errors.Count > 0;
        var value = invalid && state?.AttemptedValue is not null ? state.AttemptedValue : Format(For.Model);
        if (Type == "date" && Applications.DutchDate.TryParse(value, out var day))
        {
            // One date-entry style: the browser's date control, which reads and sends yyyy-MM-dd whatever a form keeps.
            value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var enc = HtmlEncoder.Default;
        var describedBy = new List<string>();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--distanced" + (Type == "checkbox" ? " utrecht-form-field--checkbox" : string.Empty) + (invalid ? " utrecht-form-field--invalid" : string.Empty));

        var html = new System.Text.StringBuilder();
        var label = $"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label{(Type == "checkbox" ? " utrecht-form-label--checkbox" : string.Empty)}\" for=\"{enc.Encode(id)}\">{enc.Encode(Label)}{(Required ? string.Empty : " <span class=\"optional\">(niet verplicht)</span>")}</label></div>";
        if (Type != "checkbox")
        {
            html.Append(label);
        }

        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add(id + "-hint");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{enc.Encode(id)}-hint\">{enc.Encode(Hint)}</div>");
        }

        if (invalid)
        {
            describedBy.Add(id + "-error");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{enc.Encode(id)}-error\">");
            html.AppendJoin(" ", errors.Select(enc.Encode));
            html.Append("</div>");
        }

        var aria = (describedBy.Count > 0 ? $" aria-describedby=\"{enc.Encode(string.Join(' ', describedBy))}\"" : string.Empty)
            + (invalid ? " aria-invalid=\"true\"" : string.Empty)
            + (Required ? " required aria-required=\"true\"" : string.Empty)
            + (Autocomplete is null ? string.Empty : $" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        var common = $"id=\"{enc.Encode(id)}\" name=\"{enc.Encode(name)}\"{aria}";
        html.Append("<div class=\"utrecht-form-field__input\">");
        switch (Type)
        {
            case "textarea":
                html.Append(CultureInfo.InvariantCulture, $"<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea{Invalid(invalid, "utrecht-textarea")}\" rows=\"4\" {common}>{enc.Encode(value)}</textarea>");
                break;
            case "select":
                html.Append(CultureInfo.InvariantCulture, $"<select class=\"utrecht-select utrecht-select--html-select{Invalid(invalid, "utrecht-select")}\" {common}>");
                if (Placeholder is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{enc.Encode(Placeholder)}</option>");
                }

                foreach (var option in Options ?? [])
                {
                    var selected = string.Equals(option.Value ?? option.Text, value, StringComparison.Ordinal) ? " selected" : string.Empty;
                    html.Append(CultureInfo.InvariantCulture, $"<option value=\"{enc.Encode(option.Value ?? option.Text)}\"{selected}>{enc.Encode(option.Text)}</option>");
                }

                html.Append("</select>");
                break;
            case "checkbox":
                var isChecked = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? " checked" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<input type=\"checkbox\" class=\"utrecht-checkbox utrecht-checkbox--html-input\" value=\"true\" {common}{isChecked}>");
                html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{enc.Encode(name)}\" value=\"false\">");
                html.Append(label);
                break;
            default:
                var (inputType, mode) = Type switch
                {
                    "number" => ("text", " inputmode=\"numeric\""),
                    "decimal" => ("text", " inputmode=\"decimal\""),
                    "date" => ("date", string.Empty),
                    "email" => ("email", string.Empty),
                    _ => ("text", string.Empty),
                };
                html.Append(CultureInfo.InvariantCulture, $"<input type=\"{inputType}\"{mode} class=\"utrecht-textbox utrecht-textbox--html-input{Invalid(invalid, "utrecht-textbox")}\" {common} value=\"{enc.Encode(value)}\">");
                break;
        }

        html.Append("</div>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string Invalid(bool invalid, string block) => invalid ? $" {block}--invalid" : string.Empty;

    private static string Format(object? model) => model switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString() ?? string.Empty,
    };
}
