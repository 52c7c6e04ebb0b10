using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>Koop homes count as betaalbare koop only up to the round's price limit (WBI from T5).</summary>
public sealed class BetaalbareKoopWithinPriceLimitRule(
    Regeling regeling,
    HomesByCategory homes,
    Money? maxKoopPrice,
    RuleParameter<Money> priceLimit) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-KOOPPRIJSGRENS";

    public string Source => priceLimit.Source;

    public bool IsBroken() => homes.BetaalbareKoop > 0 && (maxKoopPrice is not { } price || price > priceLimit.Value);

    public string Message => maxKoopPrice is { } price
        ? $"De hoogste koopprijs van de {Dutch.Number(homes.BetaalbareKoop)} betaalbare koopwoningen is {Dutch.Euro(price)}; " +
          $"de grens is {Dutch.Euro(priceLimit.Value)}."
        : $"De koopprijs van de {Dutch.Number(homes.BetaalbareKoop)} betaalbare koopwoningen is niet opgegeven; " +
          $"de grens is {Dutch.Euro(priceLimit.Value)}.";
}
