using SlaFunctions.Engine.Escalations;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Notices.Tests;

namespace SlaFunctions.Monitoring.Tests.Sending;

public sealed class NoticeRecipientsTests
{
    private static readonly NoticeOptions Options = new()
    {
        SupportManagement = ["lead@vendor.example", "Maria.Ortiz@support.example.com"],
        OnCall = ["pager@vendor.example"],
        AccountManagers = new(StringComparer.OrdinalIgnoreCase) { ["LumenVox"] = ["am@vendor.example"] },
        WorkingHours = new(StringComparer.OrdinalIgnoreCase) { ["onCall"] = new WorkingHoursOptions { TimeZone = "Europe/London", Hours = "08:00-18:00" } },
        DefaultTimeZone = "America/New_York",
    };

    private static readonly HookOptions Hooks = new()
    {
        Endpoints = new(StringComparer.OrdinalIgnoreCase) { ["board"] = new HookEndpointOptions { Url = "https://hooks.acme.example/sla", Secrets = ["whsec_0123456789abcdef"] } },
    };

    // LumenVox's case: assigned to Maria, raised by LumenVox's IT operations.
    private static Notice Notice(NoticeKind kind, params string[] notify) => ExampleNotices.Warning with { Kind = kind, Notify = notify };

    private static readonly NoticeRecipients Recipients = new(Options, Hooks);

    [Fact]
    public void Resolve_EveryRole_EachPersonOnceInOrder()
    {
        var (people, unresolved) = Recipients.Resolve(Notice(NoticeKind.Escalation, "assignee", "customer", "accountManager", "supportManagement", "onCall", "ops@vendor.example"));

        // Maria is the assignee and in support management: she gets one email, as the assignee.
        Assert.Equal(
            [("maria.ortiz@support.example.com", (RecipientRole?)RecipientRole.Assignee), ("it-ops@lumenvox.example", RecipientRole.Customer),
             ("am@vendor.example", RecipientRole.AccountManager), ("lead@vendor.example", RecipientRole.SupportManagement),
             ("pager@vendor.example", RecipientRole.OnCall), ("ops@vendor.example", null)],
            people.Select(p => (p.Address, p.Role)));
        Assert.Empty(unresolved);
    }

    [Fact]
    public void Resolve_Customer_OnlyTheRequesterGetsTheCustomerEmail()
    {
        var (people, _) = Recipients.Resolve(Notice(NoticeKind.Escalation, "customer", "assignee"));

        Assert.Equal([true, false], people.Select(p => p.IsCustomer));
    }

    [Fact]
    public void Resolve_RoleWithNobody_Unresolved()
    {
        var notice = Notice(NoticeKind.Escalation, "assignee", "accountManager");
        notice = notice with { Case = notice.Case with { Assignee = null, Customer = "Globex" } };

        var (people, unresolved) = Recipients.Resolve(notice);

        Assert.Empty(people);
        Assert.Equal(["assignee", "accountManager"], unresolved);
    }

    [Fact]
    public void Resolve_WorkingHoursByRole_ZoneAndHoursFromThem()
    {
        var (people, _) = Recipients.Resolve(Notice(NoticeKind.Escalation, "onCall", "supportManagement"));

        // On-call works London hours; support management has none configured, so the default zone and no hours.
        Assert.Equal(("Europe/London", true), (people[0].Zone.Id, people[0].Hours is not null));
        Assert.Equal(("America/New_York", false), (people[1].Zone.Id, people[1].Hours is not null));
    }

    [Fact]
    public void Resolve_StateChange_ConfiguredHooksOnly()
    {
        var (people, unresolved) = Recipients.Resolve(Notice(NoticeKind.StateChanged, "hook:board", "hook:gone"));

        Assert.Equal([("hook:board", true)], people.Select(p => (p.Address, p.IsHook)));
        Assert.Equal(["hook:gone"], unresolved);
    }
}
