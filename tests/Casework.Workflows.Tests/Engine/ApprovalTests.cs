using Casework.Domain.Access;
using Casework.Workflows.Engine;
using Casework.Workflows.Tests.Support;
using static Casework.Workflows.Tests.Support.CaseWalk;

namespace Casework.Workflows.Tests.Engine;

/// <summary>The vier-ogenprincipe of the v3 application definitions: a besluit is proposed by one person and confirmed by another.</summary>
public class ApprovalTests
{
    private static readonly Actor Gemeente = Actor.Person("u-ams", "GM0363", Role.GemeenteAanvrager);
    private static readonly Actor Loket = Actor.Person("u-rvo", "RVO", Role.Loket);
    private static readonly Actor Loket2 = Actor.Person("u-rvo-2", "RVO", Role.Loket);
    private static readonly Actor Vro = Actor.Person("u-vro", "VRO", Role.Beoordelaar);
    private static readonly Actor Vro2 = Actor.Person("u-vro-2", "VRO", Role.Beoordelaar);
    private static readonly Actor Szw = Actor.Person("u-szw", "SZW", Role.Beoordelaar);
    private static readonly Actor Commissie = Actor.Person("u-tc", "TC-WBI", Role.Commissielid);

    [Theory]
    [InlineData("wbi-application", "toekennen")]
    [InlineData("wbi-application", "gedeeltelijkToekennen")]
    [InlineData("wbi-application", "afwijzen")]
    [InlineData("vhf-application", "toekennen")]
    [InlineData("vhf-application", "gedeeltelijkToekennen")]
    [InlineData("vhf-application", "afwijzen")]
    public async Task Besluit_WhenProposedByOneReviewer_TakesEffectOnlyWhenAColleagueConfirms(string definitionId, string action)
    {
        var walk = await RankedAsync(definitionId);

        var proposed = await walk.ProposeAsync(Vro, action, action == "afwijzen" ? Input("Buiten de rangschikking.", ("verzenddatum", "2024-03-01")) : Decision());
        Assert.Equal("rangschikking", walk.Snapshot.CurrentState);
        var own = await walk.RefuseConfirmationAsync(Vro);
        var transition = await walk.ConfirmAsync(Vro2);

        Assert.Equal(["Beoordelaar"], proposed.Approval.Roles);
        var rule = Assert.Single(own.Reasons);
        Assert.Equal((WorkflowEngine.ProposerConfirms, true), (rule.Code, rule.Source!.Contains("Awb 10:3", StringComparison.Ordinal)));
        Assert.Equal(action == "afwijzen" ? "afgewezen" : "toegekend", transition.To);
        Assert.Contains(transition.Effects, e => e.Name == "recordDecision");
    }

    [Fact]
    public async Task BuitenBehandelingStellen_WhenProposed_IsConfirmedByAnotherLoketUser()
    {
        var walk = new CaseWalk(await TestDefinitions.Real("wbi-application", 3), "GM0363", FakeGuard.Registry(), new() { ["loket"] = "RVO", ["committee"] = "TC-WBI" });
        await walk.FireAsync(Gemeente, "indienen");

        await walk.ProposeAsync(Loket, "buitenBehandelingStellen", Input("Onvolledig na herstel.", ("verzenddatum", "2024-10-01")));
        var vro = await walk.RefuseConfirmationAsync(Vro2);
        var done = await walk.ConfirmAsync(Loket2);

        Assert.Contains(vro.Reasons, r => r.Code == "wrong-organisation");
        Assert.Contains(vro.Reasons, r => r.Code == "wrong-role");
        Assert.Equal(("buitenBehandeling", "buiten-behandeling"), (done.To, done.Resultaat));
    }

    [Fact]
    public async Task Proposal_WhenPending_BlocksOtherActionsButNotTheSystem()
    {
        var walk = await RankedAsync("wbi-application");
        await walk.ProposeAsync(Vro, "toekennen", Decision());

        var other = await walk.RefuseAsync(Vro2, "afwijzen", Input("nee", ("verzenddatum", "2024-03-01")));

        Assert.Contains(other.Reasons, r => r.Code == "proposal-pending");
    }

    [Fact]
    public async Task Confirmation_WhenByAnotherOrganisationsReviewer_IsRefused()
    {
        var walk = await RankedAsync("wbi-application");
        await walk.ProposeAsync(Vro, "toekennen", Decision());

        var refusal = await walk.RefuseConfirmationAsync(Szw);

        Assert.Contains(refusal.Reasons, r => r.Code == "wrong-organisation");
    }

    [Fact]
    public async Task Withdraw_WhenByTheProposerOrAColleague_IsAllowedAndByAnotherOrganisationNot()
    {
        var walk = await RankedAsync("wbi-application");
        await walk.ProposeAsync(Vro, "toekennen", Decision());
        var definition = await TestDefinitions.Real("wbi-application", 3);

        Assert.Null(WorkflowEngine.MayWithdrawOrDecline(definition, walk.Snapshot, Vro));
        Assert.Null(WorkflowEngine.MayWithdrawOrDecline(definition, walk.Snapshot, Vro2));
        Assert.NotNull(WorkflowEngine.MayWithdrawOrDecline(definition, walk.Snapshot, Szw));
        Assert.NotNull(WorkflowEngine.MayWithdrawOrDecline(definition, walk.Snapshot with { Proposal = null }, Vro2));
    }

    [Fact]
    public async Task Confirmation_WhenThereIsNoProposal_IsRefused()
    {
        var walk = await RankedAsync("wbi-application");

        var refusal = await walk.RefuseConfirmationAsync(Vro2);

        Assert.Equal(["no-proposal"], refusal.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Toekennen_OnVersion2_TakesEffectAtOnce()
    {
        var walk = new CaseWalk(await TestDefinitions.Real("wbi-application", 2), "GM0363", FakeGuard.Registry(), new() { ["loket"] = "RVO", ["committee"] = "TC-WBI" });
        await walk.FireAsync(Gemeente, "indienen");
        await walk.FireAsync(Loket, "verklaarVolledig");
        await walk.FireAsync(Vro, "toelaten");
        await walk.FireAsync(Commissie, "adviseren", Input(null, ("advies", "positief")));

        var transition = await walk.FireAsync(Vro, "toekennen", Decision());

        Assert.Equal("toegekend", transition.To);
    }

    private static ActionInput Decision() => Input("Past in de rangschikking.", ("verzenddatum", "2024-03-01"), ("bedrag", 1_000_000m));

    private static async Task<CaseWalk> RankedAsync(string definitionId)
    {
        var committee = definitionId == "vhf-application" ? "TC-VHF" : "TC-WBI";
        var walk = new CaseWalk(await TestDefinitions.Real(definitionId, 3), "GM0363", FakeGuard.Registry(), new() { ["loket"] = "RVO", ["committee"] = committee });
        await walk.FireAsync(Gemeente, "indienen");
        await walk.FireAsync(Loket, "verklaarVolledig");
        await walk.FireAsync(Vro, "toelaten");
        await walk.FireAsync(Actor.Person("u-tc", committee, Role.Commissielid), "adviseren", Input(null, ("advies", "positief")));
        return walk;
    }
}
