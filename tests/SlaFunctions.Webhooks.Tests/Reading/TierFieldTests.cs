using NodaTime;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Reading;

/// <summary>Each tool's customer tier (ConnectionMapping.TierField) and Jira's organisation field (OrganizationField)
/// reach the update, in the shapes the tools send them; without the setting nothing is read.</summary>
public sealed class TierFieldTests
{
    private static readonly ConnectionMapping Tier = ConnectionMapping.Default with { TierField = "support_package" };

    private static readonly WebhookAdapters Adapters = new(TestClock.Create());

    private static IWebhookAdapter Adapter(string kind) => Adapters.Find(kind)!;

    [Theory]
    [InlineData("support_package", "Premium")] // a plain field of the trigger body ({{ticket.organization.custom_fields.support_package}})
    [InlineData(null, null)] // not configured: not read
    public void Zendesk_TierField_ReadFromTheTicket(string? field, string? tier)
    {
        var body = Fixture.Edited("zendesk/trigger_ticket_created.json", "\"organization\": \"Acme Corp\",", "\"organization\": \"Acme Corp\", \"support_package\": \" Premium \",");

        var update = EventText.Accepted(Adapter("zendesk").Parse(Deliveries.Of(body), ConnectionMapping.Default with { TierField = field }));

        Assert.Equal(("Acme Corp", tier), (update.Organization, update.Tier));
    }

    [Theory]
    [InlineData("\"customfield_10050\": \"Premium\",", "Premium")] // a text field
    [InlineData("\"customfield_10050\": { \"id\": \"10101\", \"value\": \"Premium\" },", "Premium")] // a select list
    [InlineData("\"customfield_10050\": [ { \"id\": \"3\", \"name\": \"Premium\" } ],", "Premium")] // JSM's Organizations shape
    [InlineData("\"customfield_10050\": true,", null)] // no shape that names anything: nothing, and no problem
    public void Jira_TierField_EachShape(string field, string? tier)
    {
        var body = Fixture.Edited("jira/issue_created.json", "\"summary\":", field + " \"summary\":");

        var update = EventText.Accepted(Adapter("jira").Parse(Deliveries.Of(body), ConnectionMapping.Default with { TierField = "customfield_10050" }));

        Assert.Equal(tier, update.Tier);
    }

    [Fact]
    public void Jira_OrganizationField_FirstOrganizationIsTheCustomer()
    {
        var body = Fixture.Edited("jira/issue_created.json", "\"summary\":",
            "\"customfield_10002\": [ { \"id\": \"3\", \"name\": \"Mercy Heart Institute\" }, { \"id\": \"4\", \"name\": \"Mercy East\" } ], \"summary\":");

        var update = EventText.Accepted(Adapter("jira").Parse(Deliveries.Of(body), ConnectionMapping.Default with { OrganizationField = "customfield_10002" }));

        Assert.Equal("Mercy Heart Institute", update.Organization);
    }

    [Theory]
    [InlineData("\"name\": \"Tier: Premium\"", "tier:", "Premium")] // the prefix in any letter case
    [InlineData("\"name\": \"tier:premium\"", "tier:", "premium")]
    [InlineData("\"name\": \"tier:premium\"", null, null)] // not configured
    [InlineData("\"name\": \"tier:\"", "tier:", null)] // a prefix naming nothing
    public void GitHub_TierLabel_TheRestOfTheLabel(string label, string? prefix, string? tier)
    {
        var body = Fixture.Edited("github/issues_opened.json", "\"name\": \"bug\"", label);

        var update = EventText.Accepted(Adapter("github").Parse(
            Deliveries.Of(body, ("X-GitHub-Event", "issues"), ("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")),
            ConnectionMapping.Default with { TierField = prefix }));

        Assert.Equal(tier, update.Tier);
    }

    [Theory]
    [InlineData("\"subject\": \"C-42\",", "\"subject\": \"C-42\", \"tier\": \"Premium\",", "Premium")] // an extension attribute
    [InlineData("\"channel\": \"email\"", "\"channel\": \"email\", \"tier\": \"Deluxe\"", "Deluxe")] // a data field
    public void CloudEvents_Tier_AttributeOrDataField(string from, string to, string tier)
    {
        var body = Fixture.Edited("cloudevents/opened.json", from, to);

        var update = EventText.Accepted(Adapter("cloudevents").Parse(
            Deliveries.Of(body, ("Content-Type", "application/cloudevents+json")), ConnectionMapping.Default with { TierField = "tier" }));

        Assert.Equal((tier, "Acme"), (update.Tier, update.Organization));
    }

    [Fact]
    public void CloudEvents_BinaryMode_TierFromItsHeader()
    {
        var data = System.Text.Json.Nodes.JsonNode.Parse(Fixture.Bytes("cloudevents/opened.json"))!["data"]!.ToJsonString();

        var update = EventText.Accepted(Adapter("cloudevents").Parse(
            Deliveries.Of(data, ("Content-Type", "application/json"), ("ce-specversion", "1.0"), ("ce-type", "dev.slafunctions.case.opened"),
                ("ce-source", "https://desk.acme.example/cases"), ("ce-id", "c-42-evt-0001"), ("ce-time", "2026-01-05T09:12:44+01:00"),
                ("ce-subject", "C-42"), ("ce-tier", "Premium")),
            ConnectionMapping.Default with { TierField = "tier" }));

        Assert.Equal("Premium", update.Tier);
    }

    [Fact]
    public void ServiceNow_TierField_ReadFromTheBody()
    {
        var body = Fixture.Edited("servicenow/incident_inserted.json", "\"company\":\"Acme Corp\",", "\"company\":\"Acme Corp\",\"support_package\":\"Premium\",");

        var update = EventText.Accepted(Adapter("servicenow").Parse(Deliveries.Of(body), Tier));

        Assert.Equal(("Acme Corp", "Premium"), (update.Organization, update.Tier));
    }

    [Fact]
    public void Freshdesk_TierField_ReadFromTheTicket()
    {
        var body = Fixture.Edited("freshdesk/ticket_created.json", "\"ticket_id\": \"4201\",", "\"ticket_id\": \"4201\", \"support_package\": \"Premium\",");

        var update = EventText.Accepted(Adapter("freshdesk").Parse(Deliveries.Of(body, Instant.FromUtc(2026, 1, 5, 9, 30, 15)), Tier));

        Assert.Equal("Premium", update.Tier);
    }
}
