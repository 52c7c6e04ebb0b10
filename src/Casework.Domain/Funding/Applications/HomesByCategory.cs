namespace Casework.Domain.Funding;

/// <summary>Homes in the project by category. Sociale huur, middenhuur and betaalbare koop are affordable.</summary>
public sealed record HomesByCategory(int SocialeHuur, int Middenhuur, int BetaalbareKoop, int Other)
{
    public int Total => SocialeHuur + Middenhuur + BetaalbareKoop + Other;

    public int Affordable => SocialeHuur + Middenhuur + BetaalbareKoop;
}
