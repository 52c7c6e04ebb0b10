using System.Globalization;

namespace Casework.Domain.Common;

/// <summary>An amount in euros. Decimal, never floating point; rounded to cents.</summary>
public readonly record struct Money : IComparable<Money>
{
    public Money(decimal euros)
    {
        Euros = decimal.Round(euros, 2, MidpointRounding.ToEven);
    }

    public decimal Euros { get; }

    public static Money Zero => new(0m);

    public static Money Euro(decimal euros) => new(euros);

    public bool IsNegative => Euros < 0m;

    public static Money operator +(Money a, Money b) => new(a.Euros + b.Euros);

    public static Money operator -(Money a, Money b) => new(a.Euros - b.Euros);

    public static Money operator *(Money a, decimal factor) => new(a.Euros * factor);

    public static bool operator <(Money a, Money b) => a.Euros < b.Euros;

    public static bool operator >(Money a, Money b) => a.Euros > b.Euros;

    public static bool operator <=(Money a, Money b) => a.Euros <= b.Euros;

    public static bool operator >=(Money a, Money b) => a.Euros >= b.Euros;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public int CompareTo(Money other) => Euros.CompareTo(other.Euros);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(decimal factor) => this * factor;

    /// <summary>Dutch notation, e.g. <c>€ 1.250.000,00</c>.</summary>
    public override string ToString() => Euros.ToString("C2", CultureInfo.GetCultureInfo("nl-NL"));
}
