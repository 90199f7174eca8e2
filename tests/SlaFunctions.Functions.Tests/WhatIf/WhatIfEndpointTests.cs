using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SlaFunctions.Commands;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Functions.Tests.Board;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Reports;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring.WhatIf;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.WhatIf;

/// <summary><c>POST /api/policies/what-if</c> on Azurite: three October cases of a loaded contract replayed under a
/// stricter draft, judged on 2026-12-05.</summary>
public sealed class WhatIfEndpointTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 5, 12, 0);
    private const string Period = "\"from\": \"2026-10-01T00:00:00Z\", \"to\": \"2026-11-01T00:00:00Z\"";

    private const string Loaded = GlobexContract.Text;

    // The draft: 1h and 1d, and the assignee warned at half the first response.
    private static readonly string Draft = Loaded.Replace("within: 4h", "within: 1h", StringComparison.Ordinal).Replace("within: 2d", "within: 1d", StringComparison.Ordinal)
        + "\n  - target: firstResponse\n    at: { percent: 50 }\n    notify: [assignee]\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "slafunctions-whatif-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly CaseApi _api;

    public WhatIfEndpointTests() => _api = GlobexContract.App(Now, _folder);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "globex.yaml"), Loaded);
        var cases = new CaseSeeder(_api);
        // A (customer acme-zendesk): replied after 2h, solved after 30h: met under the loaded policy, breached under the draft.
        await cases.OpenAsync("acme-zendesk", "A", Instant.FromUtc(2026, 10, 5, 9, 0), "1", null,
            CaseEvent.AgentReply(Instant.FromUtc(2026, 10, 5, 11, 0)), CaseEvent.StatusChange(Instant.FromUtc(2026, 10, 6, 15, 0), CaseStatus.Solved));
        // B (customer Acme): replied after 20 min, solved after 3h: met under both, no warning before the reply.
        await cases.OpenAsync("acme-events", "B", Instant.FromUtc(2026, 10, 10, 9, 0), "1", null,
            CaseEvent.AgentReply(Instant.FromUtc(2026, 10, 10, 9, 20)), CaseEvent.StatusChange(Instant.FromUtc(2026, 10, 10, 12, 0), CaseStatus.Solved));
        // C (customer Acme): never answered: breached under both; the draft adds the half-way warning.
        await cases.OpenAsync("acme-events", "C", Instant.FromUtc(2026, 10, 20, 9, 0), "1");
        // Outside the period.
        await cases.OpenAsync("acme-events", "D", Instant.FromUtc(2026, 11, 2, 9, 0), "1");
    }

    public async Task DisposeAsync()
    {
        await new CaseSeeder(_api).DeleteTablesAsync();
        await _api.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string json, bool keyed = true)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/policies/what-if") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (keyed)
        {
            request.Headers.Add("x-api-key", CaseApi.Key);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string Body(string policy) => $"{{ \"policy\": {JsonValue.Create(policy).ToJsonString()}, {Period} }}";

    private static string[] Fields(JsonNode problem) => [.. problem["errors"]!.AsArray().Select(e => (string)e!["path"]!)];

    [Fact]
    public async Task WhatIf_StricterDraft_ListsFlippedVerdictsAndNotices()
    {
        var (status, report) = await PostAsync(Body(Draft));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((3, 1, 2), ((int)report!["cases"]!, (int)report["flipped"]!, (int)report["changed"]!));
        var a = report["changes"]![0]!;
        Assert.Equal("A", (string)a["externalId"]!);
        Assert.Equal([("firstResponse", "met", "breached"), ("resolution", "met", "breached")],
            a["verdicts"]!.AsArray().Select(v => ((string)v!["target"]!, (string)v["before"]!, (string)v["after"]!)));
        // The draft warns half-way (09:30) and its 1d resolution breached at Oct 6 09:00, which the loaded policy met.
        Assert.Equal([("firstResponse-percent50", "2026-10-05T09:30:00Z"), ("resolution-breach", "2026-10-06T09:00:00Z")],
            a["noticesAdded"]!.AsArray().Select(n => ((string)n!["rule"]!, (string)n["at"]!)));
        var c = report["changes"]![1]!;
        Assert.Equal(("C", 0), ((string)c["externalId"]!, c["verdicts"]!.AsArray().Count));
        Assert.Equal(["firstResponse-percent50"], c["noticesAdded"]!.AsArray().Select(n => (string)n!["rule"]!));
    }

    [Fact]
    public async Task WhatIf_StricterDraft_CompliancePerCustomerAndTarget()
    {
        var (_, report) = await PostAsync(Body(Draft));

        var rows = report!["compliance"]!.AsArray().ToDictionary(r => ((string)r!["customer"]!, (string)r["target"]!));
        var acme = rows[("Acme", "firstResponse")]!;
        // B met and C breached under both.
        Assert.Equal((1, 1, 1, 1, 0.0), ((int)acme["before"]!["met"]!, (int)acme["before"]!["breached"]!, (int)acme["after"]!["met"]!, (int)acme["after"]!["breached"]!, (double)acme["percentMetChange"]!));
        var zendesk = rows[("acme-zendesk", "firstResponse")]!;
        Assert.Equal((100.0, 0.0, -100.0), ((double)zendesk["before"]!["percentMet"]!, (double)zendesk["after"]!["percentMet"]!, (double)zendesk["percentMetChange"]!));
    }

    // A case keeps the customer its delivery named (a policy per customer): the what-if counts it there, as the
    // compliance report does, not under the connection's customer.
    [Fact]
    public async Task WhatIf_CaseOpenedForAnotherCustomer_CountedUnderThatCustomer()
    {
        await new CaseSeeder(_api).OpenForCustomerAsync("acme-events", "E", Instant.FromUtc(2026, 10, 12, 9, 0), "1", "Initech",
            CaseEvent.AgentReply(Instant.FromUtc(2026, 10, 12, 9, 20)), CaseEvent.StatusChange(Instant.FromUtc(2026, 10, 12, 12, 0), CaseStatus.Solved));

        var (_, report) = await PostAsync(Body(Draft));

        var rows = report!["compliance"]!.AsArray().ToDictionary(r => ((string)r!["customer"]!, (string)r["target"]!));
        var initech = rows[("Initech", "firstResponse")]!;
        Assert.Equal((1, 0, 1, 0), ((int)initech["before"]!["met"]!, (int)initech["before"]!["breached"]!, (int)initech["after"]!["met"]!, (int)initech["after"]!["breached"]!));
        var acme = rows[("Acme", "firstResponse")]!;
        Assert.Equal((1, 1), ((int)acme["before"]!["met"]!, (int)acme["before"]!["breached"]!));
    }

    [Fact]
    public async Task WhatIf_SameDocument_ChangesNothing()
    {
        var (_, report) = await PostAsync(Body(Loaded));

        Assert.Equal((3, 0, 0), ((int)report!["cases"]!, (int)report["flipped"]!, (int)report["changed"]!));
        Assert.All(report["compliance"]!.AsArray(), r => Assert.Equal(0.0, (double)r!["percentMetChange"]!));
    }

    [Theory]
    [InlineData("within: 1h", "within: 1x", "policy.severities[0].targets.firstResponse.within")] // a bad draft names its path
    [InlineData("id: globex", "id: initech", "policy.id")] // the draft must change a loaded policy
    public async Task WhatIf_BadDraft_ProblemNamesTheField(string find, string replace, string field)
    {
        var (status, problem) = await PostAsync(Body(Draft.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, Fields(problem!));
    }

    [Theory]
    [InlineData("\"from\": \"2025-01-01T00:00:00Z\", \"to\": \"2026-11-01T00:00:00Z\"", "to")] // longer than 366 days
    [InlineData("\"from\": \"2026-11-01T00:00:00Z\", \"to\": \"2026-10-01T00:00:00Z\"", "to")]
    [InlineData("\"from\": \"October\"", "from")]
    public async Task WhatIf_BadPeriod_ProblemNamesTheField(string period, string field)
    {
        var (status, problem) = await PostAsync($"{{ \"policy\": {JsonValue.Create(Draft).ToJsonString()}, {period} }}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], Fields(problem!));
    }

    [Fact]
    public async Task WhatIf_WithoutKey_Unauthorized()
    {
        var (status, _) = await PostAsync(Body(Draft), keyed: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task RunAsync_MoreCasesThanTheCap_RefusedWithTheCount()
    {
        var replay = new WhatIfReplay(_api.Services.GetRequiredService<CaseTables>(), _api.Services.GetRequiredService<PolicyCatalog>(),
            _api.Services.GetRequiredService<WebhookOptions>(), _api.Clock, maxCases: 2);
        var errors = new List<ProblemError>();
        var query = replay.Read(JsonNode.Parse(Body(Draft))!.AsObject(), errors)!;

        var report = await replay.RunAsync(query, errors, default);

        Assert.Null(report);
        Assert.Contains("more than 2 cases of policy 'globex'", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> CommandAsync(string draft, params string[] flags)
    {
        var file = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, draft);
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(_api.Settings).Build();
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await WhatIfCommand.RunAsync(configuration, ["--policy", file, "--from", "2026-10-01T00:00:00Z", "--to", "2026-11-01T00:00:00Z", .. flags], output, error, _api.Clock);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Command_StricterDraft_PrintsFlipsNoticesAndCompliance()
    {
        var (exit, output, error) = await CommandAsync(Draft);

        Assert.Equal((CommandLine.Ok, ""), (exit, error));
        Assert.Contains("what-if globex: 3 cases opened in [2026-10-01T00:00:00Z, 2026-11-01T00:00:00Z), judged at 2026-12-05T12:00:00Z", output, StringComparison.Ordinal);
        Assert.Contains("flipped: 1 cases; changed: 2 cases", output, StringComparison.Ordinal);
        Assert.Contains("acme-zendesk/A (acme-zendesk, opened 2026-10-05T09:00:00Z): firstResponse met -> breached; resolution met -> breached; +firstResponse-percent50 2026-10-05T09:30:00Z", output, StringComparison.Ordinal);
        Assert.Contains("acme-zendesk, firstResponse: 100.0% of 1 -> 0.0% of 1 (-100.0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_BadDraft_ListsTheProblemsAndFails()
    {
        var (exit, _, error) = await CommandAsync(Draft.Replace("within: 1h", "within: 1x", StringComparison.Ordinal));

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains("policy.severities[0].targets.firstResponse.within", error, StringComparison.Ordinal);
    }
}
