using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// VHF 2021: a gemeente may file several applications but receives at most one uitkering, so an application
/// from a gemeente that already has an award in the round cannot be admitted. The allocator applies the same
/// rule among the applications it ranks.
/// </summary>
public sealed class OneAwardPerGemeenteRule(
    Regeling regeling,
    bool alreadyAwardedInRound,
    RuleParameter<bool> oneAwardPerGemeente) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-EEN-UITKERING";

    public string Source => oneAwardPerGemeente.Source;

    public bool IsBroken() => oneAwardPerGemeente.Value && alreadyAwardedInRound;

    public string Message =>
        "Deze gemeente heeft in deze ronde al een uitkering gekregen; een gemeente ontvangt ten hoogste één uitkering.";
}
