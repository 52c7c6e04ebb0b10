using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Pages;

/// <summary>Keys of what a page hands to the layout: a one-off message after a redirect, and broken rules to explain.</summary>
public static class FlashMessages
{
    public const string SuccessKey = "casework.melding";

    public const string ErrorKey = "casework.fout";

    public const string BrokenRulesKey = "casework.gebrokenRegels";

    /// <summary>The error summary's heading when only rules were broken (default: about an application).</summary>
    public const string BrokenRulesTitleKey = "casework.gebrokenRegelsTitel";
}

/// <summary>The element id that ASP.NET Core's tag helpers give the field of a model-state key ("Input.Homes" is "Input_Homes").</summary>
public static class FieldIds
{
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}
