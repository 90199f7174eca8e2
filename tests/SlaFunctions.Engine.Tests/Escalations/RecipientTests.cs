using SlaFunctions.Engine.Escalations;
using Xunit;

namespace SlaFunctions.Engine.Tests.Escalations;

public sealed class RecipientTests
{
    public static TheoryData<RecipientRole> Roles => [.. Enum.GetValues<RecipientRole>()];

    // A notice carries its recipients as names; the sender reads each back to the role the policy meant.
    [Theory]
    [MemberData(nameof(Roles))]
    public void Named_ARolesOwnName_GivesTheRoleBack(RecipientRole role) =>
        Assert.Equal(Recipient.ForRole(role), Recipient.Named(Recipient.ForRole(role).ToString()));

    [Theory]
    [InlineData("supportManagement", RecipientRole.SupportManagement)]
    [InlineData("onCall", RecipientRole.OnCall)]
    [InlineData("accountManager", RecipientRole.AccountManager)]
    public void NameOf_Role_IsThePolicysWord(string name, RecipientRole role) => Assert.Equal(name, Recipient.NameOf(role));

    [Theory]
    [InlineData("ops@vendor.example")]
    [InlineData("Assignee")] // not a policy word: policies write roles in camel case
    [InlineData("hook:board")]
    public void Named_AnythingElse_IsAnAddress(string name)
    {
        var recipient = Recipient.Named(name);

        Assert.Equal((null, name), (recipient.Role, recipient.Address));
    }
}
