using NodaTime;
using SlaFunctions.Functions.Tests.Sweep;
using SlaFunctions.Monitoring.Sending;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>A LumenVox Critical case with nobody assigned: its first-response warning (75 %, 09:45) names the
/// assignee, so <c>Notices:Unassigned</c> says who hears instead.</summary>
public sealed partial class NoticeFlowTests
{
    [Fact]
    public async Task Warning_CaseUnassigned_GoesToThePolicysFallbackInsteadOfNobody()
    {
        await _events.OpenAsync("U-1", Opened, "critical", assignee: null);

        await SweepAndSendAsync(Opened + Duration.FromMinutes(46));

        // The policy's own list wins over the "*" list.
        Assert.Equal(["support-managers@vendor.example", "triage@vendor.example"],
            [.. Mail().Where(m => m.Subject.Contains("WARNING:", StringComparison.Ordinal)).Select(m => m.To)]);
    }

    [Fact]
    public void Problems_UnassignedNamesTheAssignee_NamesTheKey()
    {
        var options = new NoticeOptions { Unassigned = { ["lumenvox"] = ["assignee"] } };

        Assert.Equal(["Notices:Unassigned:lumenvox 'assignee' is neither a role (supportManagement, onCall, accountManager) nor an email address."], options.Problems());
    }
}
