using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding.Builders;

/// <summary>
/// A valid application by default (passes every round of its regeling except where a test changes it):
/// half the homes sociale huur, own contribution exactly half (WBI) or 30% (VHF) of the deficit.
/// </summary>
public sealed class ApplicationBuilder
{
    private readonly Regeling _regeling;
    private string _applicant = "GM0344";
    private int _socialeHuur;
    private int _middenhuur;
    private int _betaalbareKoop;
    private int _other;
    private Money? _maxKoopPrice;
    private Money? _investmentVolume;
    private Money _deficit = Money.Euro(10_000_000m);
    private Money _ownContribution;
    private Money _requested = Money.Euro(5_000_000m);
    private Money _projectCosts = Money.Zero;
    private Money? _primary;
    private ProjectArea _area = ProjectArea.Other("Binnenstad-Oost");
    private DateOnly _start = new(2023, 1, 1);
    private DateOnly _completion = new(2029, 12, 31);
    private bool _herkansing;
    private string? _previousReference;
    private IReadOnlyList<string> _jointMembers = [];

    private ApplicationBuilder(Regeling regeling)
    {
        _regeling = regeling;
        _ownContribution = regeling == Regeling.Wbi ? Money.Euro(5_000_000m) : Money.Euro(3_000_000m);
        WithHomes(regeling == Regeling.Wbi ? 400 : 200);
    }

    public static ApplicationBuilder Wbi() => new(Regeling.Wbi);

    public static ApplicationBuilder Vhf() => new(Regeling.Vhf);

    /// <summary>The homes, half of them (rounded up) sociale huur, the rest other.</summary>
    public ApplicationBuilder WithHomes(int total)
    {
        _socialeHuur = (total + 1) / 2;
        _middenhuur = 0;
        _betaalbareKoop = 0;
        _other = total - _socialeHuur;
        return this;
    }

    public ApplicationBuilder WithHomes(int socialeHuur, int middenhuur, int betaalbareKoop, int other)
    {
        (_socialeHuur, _middenhuur, _betaalbareKoop, _other) = (socialeHuur, middenhuur, betaalbareKoop, other);
        return this;
    }

    public ApplicationBuilder WithMaxKoopPrice(decimal euros)
    {
        _maxKoopPrice = Money.Euro(euros);
        return this;
    }

    public ApplicationBuilder WithInvestmentVolume(decimal euros)
    {
        _investmentVolume = Money.Euro(euros);
        return this;
    }

    public ApplicationBuilder WithDeficit(decimal euros)
    {
        _deficit = Money.Euro(euros);
        return this;
    }

    public ApplicationBuilder WithOwnContribution(decimal euros)
    {
        _ownContribution = Money.Euro(euros);
        return this;
    }

    public ApplicationBuilder Requesting(decimal euros)
    {
        _requested = Money.Euro(euros);
        return this;
    }

    public ApplicationBuilder WithProjectCosts(decimal euros)
    {
        _projectCosts = Money.Euro(euros);
        return this;
    }

    public ApplicationBuilder WithPrimaryActivities(decimal euros)
    {
        _primary = Money.Euro(euros);
        return this;
    }

    public ApplicationBuilder From(string cbsCode)
    {
        _applicant = cbsCode;
        return this;
    }

    public ApplicationBuilder InFocusgebied(string name)
    {
        _area = ProjectArea.Focusgebied(name);
        return this;
    }

    public ApplicationBuilder JointWith(params string[] memberCbsCodes)
    {
        _jointMembers = memberCbsCodes;
        return this;
    }

    public ApplicationBuilder Planned(DateOnly start, DateOnly completion)
    {
        (_start, _completion) = (start, completion);
        return this;
    }

    public ApplicationBuilder AsHerkansingOf(string previousReference)
    {
        _herkansing = true;
        _previousReference = previousReference;
        return this;
    }

    public ApplicationProposal Build()
    {
        var requested = _requested;
        return new ApplicationProposal
        {
            Regeling = _regeling,
            ApplicantCbsCode = _applicant,
            JointMemberCbsCodes = _jointMembers,
            ProjectName = "Project De Nieuwe Wijk",
            Area = _area,
            Homes = new HomesByCategory(_socialeHuur, _middenhuur, _betaalbareKoop, _other),
            MaxKoopPrice = _maxKoopPrice,
            InvestmentVolume = _investmentVolume,
            FinancialDeficit = _deficit,
            RequestedAmount = requested,
            OwnContribution = _ownContribution,
            GemeenteProjectCosts = _projectCosts,
            PrimaryActivitiesAmount = _primary ?? requested,
            SecondaryActivitiesAmount = requested - (_primary ?? requested),
            PlannedConstructionStart = _start,
            PlannedCompletion = _completion,
            ResidentsInterests = _regeling == Regeling.Vhf
                ? new ResidentsInterests(true, "Terugkeergarantie voor huurders", true, "Urgentie bij de corporatie", true, "Bewonersraad")
                : null,
            IsHerkansing = _herkansing,
            PreviousApplicationReference = _previousReference,
        };
    }
}
