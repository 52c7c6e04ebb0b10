using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// VHF 2023 onwards: at least 50 homes, or 100 homes when the project lies in a stedelijk focusgebied.
/// Read as: the focusgebied minimum replaces the general one (the other reading, 100 homes in a focusgebied as
/// an alternative way to pass, would add nothing because 100 homes already pass the general minimum of 50).
/// </summary>
public sealed class VhfProjectNeedsMinimumHomesRule(
    int homes,
    MinimumHomesParameter minimum,
    bool inStedelijkFocusgebied) : IBusinessRule
{
    public string Code => "VHF-MIN-WONINGEN";

    public string Source => minimum.Source;

    private bool FocusgebiedMinimumApplies => inStedelijkFocusgebied && minimum.HomesInStedelijkFocusgebied is not null;

    public int RequiredMinimum => FocusgebiedMinimumApplies ? minimum.HomesInStedelijkFocusgebied!.Value : minimum.Homes;

    public bool IsBroken() => homes < RequiredMinimum;

    public string Message => FocusgebiedMinimumApplies
        ? $"Het project telt {Dutch.Number(homes)} woningen; in een stedelijk focusgebied is het minimum {Dutch.Number(RequiredMinimum)}."
        : $"Het project telt {Dutch.Number(homes)} woningen; het minimum is {Dutch.Number(RequiredMinimum)}.";
}
