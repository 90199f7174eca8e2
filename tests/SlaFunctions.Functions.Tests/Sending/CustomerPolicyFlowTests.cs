using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using MimeKit;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>The README's LUMEDX connection ("A policy per customer"), its settings read from the README, on Azurite:
/// Mercy Heart Institute is under LUMEDX Premium, St. Luke's Clinic under Deluxe, chosen by the organisation each
/// delivery names. Cases open Tue 2026-03-10 17:00 UTC (10:00 Pacific, business hours). The README's connection is
/// Zendesk; here it takes the CloudEvents the tests sign, since the map does not depend on the tool.</summary>
public sealed class CustomerPolicyFlowTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 10, 17, 0);
    private readonly string _policies = Directory.CreateTempSubdirectory("slafunctions-lumedx-").FullName;
    private readonly CaseApi _api;
    private HttpClient _client = null!;
    private CaseEvents _events = null!;

    public CustomerPolicyFlowTests()
    {
        var root = AppContext.BaseDirectory[..AppContext.BaseDirectory.IndexOf("/tests/", StringComparison.Ordinal)];
        foreach (var file in new[] { "lumedx-deluxe.yaml", "lumedx-premium.yaml", "lumenvox.yaml", "holidays/us-business-holidays.ics" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_policies, file))!);
            File.Copy(Path.Combine(root, "policies", file), Path.Combine(_policies, file));
        }
        _api = new CaseApi(Opened).With("Sla:PoliciesPath", _policies);
        foreach (var (key, value) in ReadmeSettings(root))
        {
            _api.With(key, value);
        }
        _api.With("Webhooks:Connections:lumedx-zd:Source", "cloudevents").With("Webhooks:Connections:lumedx-zd:Secrets:0", CaseApi.EventsSecret);
    }

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add("x-api-key", CaseApi.Key);
        _events = new CaseEvents(_api, _client, "lumedx-zd");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        Directory.Delete(_policies, recursive: true);
        if (Directory.Exists(_api.PickupFolder))
        {
            Directory.Delete(_api.PickupFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Deliveries_TwoOrganizations_EachCaseUnderItsPackageOnCasePageBoardReportAndEmail()
    {
        await OpenAsync("MHI-1", "1", "Mercy Heart Institute");
        await OpenAsync("SLC-1", "1", "st. luke's clinic "); // the tool's own spelling: matched, and shown as sent
        await OpenAsync("VC-1", "2", null); // no organisation: the connection's customer and default policy

        var mercy = await GetJsonAsync("/api/cases/lumedx-zd/MHI-1");
        Assert.Equal(("Mercy Heart Institute", "lumedx-premium", "LUMEDX Premium Support"), ((string?)mercy["customer"], (string?)mercy["policyId"], (string?)mercy["policyName"]));

        var board = await GetJsonAsync("/api/board");
        Assert.Equal(["MHI-1 Mercy Heart Institute lumedx-premium", "SLC-1 st. luke's clinic lumedx-deluxe", "VC-1 LUMEDX customers lumedx-deluxe"],
            board["cases"]!.AsArray().Select(c => $"{c!["externalId"]} {c["customer"]} {c["policyId"]}").Order(StringComparer.Ordinal));

        var report = await GetJsonAsync("/api/reports/compliance?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z&groupBy=customer");
        Assert.Equal(["lumedx-deluxe / LUMEDX customers", "lumedx-deluxe / st. luke's clinic", "lumedx-premium / Mercy Heart Institute"],
            report["rows"]!.AsArray().Select(r => $"{r!["policyId"]} / {r["group"]}").Distinct().Order(StringComparer.Ordinal));

        // "Account management will be notified of the Priority 1 problem": Mercy's account manager, by the case's customer.
        await SweepRound.RunAsync(_api, Opened + Duration.FromMinutes(1));
        var toManager = Assert.Single(Emails(), m => m.To.Mailboxes.Single().Address == "dana@lumedx.example");
        Assert.Contains("MHI-1", toManager.Subject, StringComparison.Ordinal);
        Assert.Contains("Customer:   Mercy Heart Institute", toManager.TextBody, StringComparison.Ordinal);
        Assert.Contains("Policy:     LUMEDX Premium Support (lumedx-premium)", toManager.TextBody, StringComparison.Ordinal);
        var stLukes = Assert.Single(Emails(), m => m.Subject!.Contains("SLC-1", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "oncall@vendor.example");
        Assert.Contains("Customer:   st. luke's clinic", stLukes.TextBody, StringComparison.Ordinal);
        Assert.Contains("Policy:     LUMEDX Deluxe Support (lumedx-deluxe)", stLukes.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_OrganizationChangesToMercy_CaseMovesToPremiumWithANote()
    {
        await OpenAsync("SLC-2", "2", "St. Luke's Clinic");
        _api.Clock.Reset(Opened + Duration.FromMinutes(20));
        await _events.PostAsync("SLC-2", "statusChanged", Opened + Duration.FromMinutes(20),
            new JsonObject { ["status"] = "open", ["organization"] = "Mercy Heart Institute", ["updatedAt"] = "2026-03-10T17:20:00Z" });

        var view = await GetJsonAsync("/api/cases/lumedx-zd/SLC-2");

        Assert.Equal(("Mercy Heart Institute", "lumedx-premium"), ((string?)view["customer"], (string?)view["policyId"]));
        Assert.Contains(view["history"]!.AsArray(), e => (string?)e!["at"] == "2026-03-10T17:20:00Z" && (string?)e["note"] ==
            "Customer changed from 'St. Luke's Clinic' to 'Mercy Heart Institute'. Policy changed from 'lumedx-deluxe' (LUMEDX Deluxe Support) "
            + "to 'lumedx-premium' (LUMEDX Premium Support): the case is now judged under it from its opening.");
    }

    // The README's example connection and account manager, as configuration keys.
    private static IEnumerable<(string Key, string? Value)> ReadmeSettings(string root)
    {
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var at = readme.IndexOf("### A policy per customer", StringComparison.Ordinal);
        Assert.True(at > 0, "README has no 'A policy per customer' section.");
        var start = readme.IndexOf("```json\n", at, StringComparison.Ordinal) + "```json\n".Length;
        var json = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var settings = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return settings.AsEnumerable().Where(s => s.Value is not null).Select(s => (s.Key, s.Value));
    }

    private Task OpenAsync(string id, string priority, string? organization)
    {
        var data = new JsonObject
        {
            ["openedAt"] = "2026-03-10T17:00:00Z", ["priority"] = priority, ["title"] = "Apollo will not start",
            ["assignee"] = "bo@vendor.example", ["requester"] = "kim@customer.example",
        };
        if (organization is not null)
        {
            data["organization"] = organization;
        }
        return _events.PostAsync(id, "opened", Opened, data);
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private List<MimeMessage> Emails() => !Directory.Exists(_api.PickupFolder) ? [] :
        [.. Directory.GetFiles(_api.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f))];
}
