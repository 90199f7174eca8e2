using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

public sealed partial class CaseEndpointsTests : IAsyncLifetime
{
    // Fri 2026-03-06 23:30 GMT: a LumenVox Major case; its first response is due Monday 10:30 (the seed's example).
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 6, 23, 30);
    private readonly CaseApi _api = new(Instant.FromUtc(2026, 3, 9, 9, 0));
    private CaseStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _api.CreateStoreAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DeleteStoreAsync();
    }

    private async Task SeedCaseAsync(CaseKey key, params CaseEvent[] events) =>
        await _store.CommitAsync(key, "d-1", _ => new CaseChange
        {
            Snapshot = new CaseSnapshot { Key = key, PolicyId = "lumenvox", OpenedAt = Opened, OpenedSeverity = "2", Title = "Calls drop" },
            Append = [.. events.Select(e => new HistoryEntry { Event = e, DeliveryId = "d-1", ReceivedAt = e.At })],
        }, default);

    private async Task<(HttpResponseMessage, JsonNode?)> GetAsync(string path, string? key = CaseApi.Key)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task GetCase_Stored_GivesTargetsJudgedNow()
    {
        await SeedCaseAsync(new CaseKey("acme-zendesk", "35436"));

        var (response, body) = await GetAsync("/api/cases/acme-zendesk/35436");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("lumenvox", (string)body!["policyId"]!);
        Assert.Equal("2026-03-09T09:00:00Z", (string)body["asOf"]!);
        var first = body["targets"]!.AsArray().Single(t => (string)t!["name"]! == "firstResponse")!;
        Assert.Equal("running", (string)first["state"]!);
        Assert.Equal("2026-03-09T10:30:00Z", (string)first["dueAt"]!);
        Assert.Equal("PT1H30M", (string)first["remaining"]!);
    }

    [Fact]
    public async Task GetCase_HistoryInTimeOrder_WhateverTheStoredOrder()
    {
        await SeedCaseAsync(new CaseKey("acme-zendesk", "7"),
            CaseEvent.AgentReply(Opened + Duration.FromHours(60)),
            CaseEvent.StatusChange(Opened + Duration.FromMinutes(5), CaseStatus.Pending));

        var (_, body) = await GetAsync("/api/cases/acme-zendesk/7");

        Assert.Equal(["status", "agentReply"], body!["history"]!.AsArray().Select(h => (string)h!["type"]!));
        Assert.Equal("pending", (string)body["history"]![0]!["status"]!);
    }

    private async Task SeedRowAsync(string id, Instant? nextDue, bool breached = false, string status = "open", string policy = "lumenvox", Instant? atRiskAt = null) =>
        await _store.CommitAsync(new CaseKey("acme-zendesk", id), "d-" + id, _ => new CaseChange
        {
            Snapshot = new CaseSnapshot
            {
                Key = new CaseKey("acme-zendesk", id), PolicyId = policy, OpenedAt = Opened, OpenedSeverity = "2",
                NextDueAt = nextDue, AtRiskAt = atRiskAt, Breached = breached, Status = status,
            },
        }, default);

    [Theory]
    [InlineData("breached", new[] { "late", "overdue" })] // flagged breached, or due already passed since last judged
    [InlineData("atRisk", new[] { "soon" })] // past its first warning point; "near" is due within the hour but not warned yet
    [InlineData("open", new[] { "fine", "late", "near", "overdue", "soon" })] // solved and closed cases are never listed
    public async Task ListCases_ByState_OnlyOpenCasesInThatState(string state, string[] expected)
    {
        var now = Instant.FromUtc(2026, 3, 9, 9, 0);
        await SeedRowAsync("late", now + Duration.FromHours(3), breached: true);
        await SeedRowAsync("overdue", now - Duration.FromMinutes(5));
        await SeedRowAsync("soon", now + Duration.FromMinutes(30), atRiskAt: now - Duration.FromMinutes(10));
        await SeedRowAsync("near", now + Duration.FromMinutes(20), atRiskAt: now + Duration.FromMinutes(5));
        await SeedRowAsync("fine", now + Duration.FromHours(5));
        await SeedRowAsync("done", now - Duration.FromHours(1), breached: true, status: "solved");

        var (response, body) = await GetAsync($"/api/cases?state={state}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Order(), body!["items"]!.AsArray().Select(i => (string)i!["externalId"]!).Order());
    }

    [Fact]
    public async Task ListCases_Paging_VisitsEveryCaseOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            await SeedRowAsync($"c{i}", Opened + Duration.FromDays(5));
        }
        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var (_, body) = await GetAsync("/api/cases?pageSize=3" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
            seen.AddRange(body!["items"]!.AsArray().Select(i => (string)i!["externalId"]!));
            continuation = (string?)body["continuation"];
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"c{i}"), seen.Order());
    }

    [Theory]
    [InlineData("state=late", "state")] // not a state
    [InlineData("policy=nobody", "policy")] // not a loaded policy
    [InlineData("pageSize=0", "pageSize")] // out of range
    [InlineData("pageSize=abc", "pageSize")] // not a number
    [InlineData("pageSize=99999999999", "pageSize")] // not an int
    [InlineData("continuation=garbage", "continuation")] // not a token this API gave
    [InlineData("continuation=Y2FzZXM", "continuation")] // base64url, but not ours
    public async Task ListCases_BadQuery_Is400NamingIt(string query, string path)
    {
        var (response, body) = await GetAsync("/api/cases?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(path, (string)body!["errors"]![0]!["path"]!);
    }

    [Fact]
    public async Task PolicyRecompute_PolicyChanged_OpenCasesRejudgedOnce()
    {
        // A case stored with no clocks judged (as if by an older policy): the recompute finds LumenVox's fingerprint
        // unmarked, re-judges it from its history, and marks the policy; a second run finds nothing to do.
        await SeedRowAsync("stale", nextDue: null);
        await SeedRowAsync("closed-one", nextDue: null, status: "closed");
        var recompute = (SlaFunctions.Monitoring.Cases.PolicyRecompute)_api.Services.GetService(typeof(SlaFunctions.Monitoring.Cases.PolicyRecompute))!;

        var first = await recompute.RunAsync(default);
        var second = await recompute.RunAsync(default);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var stale = await _store.GetAsync(new CaseKey("acme-zendesk", "stale"), default);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 10, 30), stale!.Snapshot.NextDueAt); // Monday 10:30 GMT, the seed's example
        Assert.Equal(2, stale.Snapshot.Version);
        var closed = await _store.GetAsync(new CaseKey("acme-zendesk", "closed-one"), default);
        Assert.Equal(1, closed!.Snapshot.Version); // closed cases are left alone
        Assert.NotNull(await _store.GetPolicyMarkAsync("lumenvox", default));
    }

    [Fact]
    public async Task GetCase_Unknown_Is404()
    {
        var (response, body) = await GetAsync("/api/cases/acme-zendesk/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nope", (string)body!["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)] // no key
    [InlineData("wrong-key-0123456789")] // a wrong key
    public async Task GetCase_WithoutTheKey_Is401(string? key)
    {
        await SeedCaseAsync(new CaseKey("acme-zendesk", "35436"));

        var (response, _) = await GetAsync("/api/cases/acme-zendesk/35436", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetCase_StorageDown_Is503WithRetryAfter()
    {
        // Nothing listens on port 1: the storage call fails at once, and the answer says to come back.
        await using var down = new CaseApi(Instant.FromUtc(2026, 3, 9, 9, 0),
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;");
        using var client = down.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/cases/acme-zendesk/1", UriKind.Relative));
        request.Headers.Add("x-api-key", CaseApi.Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.RetryAfter?.ToString());
    }
}
