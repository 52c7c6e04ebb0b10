namespace Casework.Domain.Funding;

/// <summary>The national fund an application is made under.</summary>
public enum Regeling
{
    /// <summary>Volkshuisvestingsfonds: specifieke uitkering for restructuring vulnerable areas.</summary>
    Vhf,

    /// <summary>Woningbouwimpuls: contribution to the financial deficit of housing projects.</summary>
    Wbi,
}
