using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Functions.Tests.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Board;

/// <summary>LumenVox cases on Fri 2026-03-20; the support calendar is open Mon-Fri 08:00 to 01:00 the next day (GMT).</summary>
public sealed class BoardEndpointsTests : IAsyncLifetime
{
    private static readonly Instant Friday = Instant.FromUtc(2026, 3, 20, 0, 0);
    private readonly CaseApi _api = new(Friday + Duration.FromHours(12));
    private readonly CaseSeeder _cases;

    public BoardEndpointsTests() => _cases = new CaseSeeder(_api);

    private static Instant At(int hour, int minute = 0) => Friday + Duration.FromHours(hour) + Duration.FromMinutes(minute);

    public async Task InitializeAsync()
    {
        // Critical at 08:00 with no reply: its 1h first response was due 09:00.
        await _cases.OpenAsync("acme-zendesk", "X", At(8), "1", "ana");
        // Major at 11:30 and 11:00: first responses due 15:30 and 15:00.
        await _cases.OpenAsync("acme-zendesk", "R2", At(11, 30), "2", "bo");
        await _cases.OpenAsync("acme-zendesk", "R1", At(11), "2", "bo");
        // Major, replied, then waiting on the customer: update and resolution paused.
        await _cases.OpenAsync("acme-zendesk", "P", At(9), "2", null, CaseEvent.AgentReply(At(9, 30)), CaseEvent.StatusChange(At(10), CaseStatus.Pending));
        // Solved: not on the board.
        await _cases.OpenAsync("acme-zendesk", "S", At(9), "2", "bo", CaseEvent.AgentReply(At(9, 10)), CaseEvent.StatusChange(At(9, 20), CaseStatus.Solved));
    }

    public async Task DisposeAsync()
    {
        await _cases.DeleteTablesAsync();
        await _api.DisposeAsync();
    }

    private static string[] Ids(JsonNode board) => [.. board["cases"]!.AsArray().Select(c => (string)c!["externalId"]!)];

    private static JsonNode Case(JsonNode board, string id) => board["cases"]!.AsArray().Single(c => (string)c!["externalId"]! == id)!;

    [Fact]
    public async Task Board_OpenCases_BreachedFirstThenByDueThenPaused()
    {
        var board = await _cases.GetJsonAsync("/api/board");

        Assert.Equal(["X", "R1", "R2", "P"], Ids(board));
        Assert.Equal(4, (int)board["open"]!);
        Assert.Equal(1, (int)board["counts"]!["breached"]!);
        Assert.Equal(2, (int)board["counts"]!["running"]!);
        var x = Case(board, "X");
        Assert.Equal(("breached", "firstResponse", "2026-03-20T09:00:00Z", "PT3H"), ((string)x["state"]!, (string)x["target"]!, (string)x["breachedAt"]!, (string)x["lateBy"]!));
        var r1 = Case(board, "R1");
        Assert.Equal(("running", "firstResponse", "2026-03-20T15:00:00Z", "PT3H", true), ((string)r1["state"]!, (string)r1["target"]!, (string)r1["dueAt"]!, (string)r1["remaining"]!, (bool)r1["ticking"]!));
        Assert.Null((string?)r1["changesAt"]); // open until Sat 01:00, after the due
        var p = Case(board, "P");
        Assert.Equal(("paused", "waiting on the customer (pending)", "2026-03-20T10:00:00Z"), ((string)p["state"]!, (string)p["pausedBecause"]!, (string)p["pausedSince"]!));
    }

    [Fact]
    public async Task Board_DueHasPassedSinceLastWebhook_BreachedWithoutReevaluation()
    {
        _api.Clock.Reset(At(16));

        var board = await _cases.GetJsonAsync("/api/board");

        Assert.Equal(["X", "R1", "R2", "P"], Ids(board));
        Assert.Equal("PT1H", (string)Case(board, "R1")["lateBy"]!);
        Assert.Equal("PT30M", (string)Case(board, "R2")["lateBy"]!);
        Assert.Equal(3, (int)board["counts"]!["breached"]!);
    }

    [Fact]
    public async Task Board_CalendarClosed_RemainingFrozenUntilItOpens()
    {
        _api.Clock.Reset(At(23, 30));
        await _cases.OpenAsync("acme-zendesk", "W", At(23), "2"); // 2h on Friday night, 2h on Monday from 08:00: due Mon 10:00
        _api.Clock.Reset(At(24 + 10)); // Saturday 10:00, closed

        var w = Case(await _cases.GetJsonAsync("/api/board?policy=lumenvox&assignee=-"), "W");

        Assert.Equal(("2026-03-23T10:00:00Z", "PT2H", false, "2026-03-23T08:00:00Z"), ((string)w["dueAt"]!, (string)w["remaining"]!, (bool)w["ticking"]!, (string)w["changesAt"]!));
    }

    [Fact]
    public async Task Board_PastTheFirstWarningPoint_AtRiskAmongTheRunning()
    {
        // Major first responses warn at 75 % of 4h: R1 at 14:00 (due 15:00), R2 at 14:30 (due 15:30).
        _api.Clock.Reset(At(14, 10));
        // A Critical opened at 14:00 is due 15:00 but warns at 75 % of 1h, 14:45: due within the hour, not at risk yet.
        await _cases.OpenAsync("acme-zendesk", "C", At(14), "1", "ana");

        var board = await _cases.GetJsonAsync("/api/board");

        Assert.Equal(["C", "P", "R1", "R2", "X"], Ids(board).Order());
        var r1 = Case(board, "R1");
        Assert.Equal(("atRisk", "firstResponse", "2026-03-20T14:00:00Z", "2026-03-20T15:00:00Z", "PT50M"),
            ((string)r1["state"]!, (string)r1["target"]!, (string)r1["atRiskAt"]!, (string)r1["dueAt"]!, (string)r1["remaining"]!));
        Assert.Equal(("running", "2026-03-20T14:30:00Z"), ((string)Case(board, "R2")["state"]!, (string)Case(board, "R2")["atRiskAt"]!));
        Assert.Equal(("running", "2026-03-20T14:45:00Z"), ((string)Case(board, "C")["state"]!, (string)Case(board, "C")["atRiskAt"]!));
        Assert.Equal((1, 1, 2, 1), ((int)board["counts"]!["breached"]!, (int)board["counts"]!["atRisk"]!, (int)board["counts"]!["running"]!, (int)board["counts"]!["paused"]!));
    }

    [Fact]
    public async Task Board_StateFilter_OnlyThatStateWithEveryCount()
    {
        _api.Clock.Reset(At(14, 10));

        var board = await _cases.GetJsonAsync("/api/board?state=atRisk");

        Assert.Equal(["R1"], Ids(board));
        Assert.Equal((1, 4), ((int)board["matching"]!, (int)board["open"]!));
        Assert.Equal((1, 1, 1), ((int)board["counts"]!["breached"]!, (int)board["counts"]!["atRisk"]!, (int)board["counts"]!["running"]!));
    }

    [Fact]
    public async Task Board_UnknownState_400()
    {
        var (status, text, _) = await _cases.GetTextAsync("/api/board?state=late");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("breached, atRisk, running, paused, waiting", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseList_AtRisk_PastTheFirstWarningPointNotWithinAnHour()
    {
        _api.Clock.Reset(At(14, 10));
        await _cases.OpenAsync("acme-zendesk", "C", At(14), "1", "ana"); // due 15:00, warns 14:45

        var list = await _cases.GetJsonAsync("/api/cases?state=atRisk");

        Assert.Equal(["R1"], list["items"]!.AsArray().Select(c => (string)c!["externalId"]!));
    }

    [Theory]
    [InlineData("severity=1", new[] { "X" })]
    [InlineData("assignee=bo", new[] { "R1", "R2" })]
    [InlineData("assignee=-", new[] { "P" })] // no assignee
    [InlineData("customer=acme-zendesk&severity=2", new[] { "R1", "R2", "P" })] // no customer configured: the connection's name
    [InlineData("policy=liveops", new string[0])]
    public async Task Board_Filters_KeepOrderAndFacets(string query, string[] expected)
    {
        var board = await _cases.GetJsonAsync($"/api/board?{query}");

        Assert.Equal(expected, Ids(board));
        Assert.Equal(expected.Length, (int)board["matching"]!);
        Assert.Equal(["-", "ana", "bo"], board["facets"]!["assignees"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["1", "2"], board["facets"]!["severities"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task Board_AfterWebhooks_RefreshReadsOnlyWhatChanged()
    {
        await using var api = new CaseApi(At(12), settings: new Dictionary<string, string?> { ["Board:CacheSeconds"] = "0" });
        var cases = new CaseSeeder(api);
        try
        {
            await cases.OpenAsync("acme-zendesk", "A", At(11), "2");
            await cases.OpenAsync("acme-zendesk", "B", At(10), "2");
            Assert.Equal(["B", "A"], Ids(await cases.GetJsonAsync("/api/board")));

            await cases.OpenAsync("acme-zendesk", "B", At(10), "2", null, CaseEvent.StatusChange(At(11, 59), CaseStatus.Solved));
            await cases.OpenAsync("acme-zendesk", "C", At(9), "2");

            Assert.Equal(["C", "A"], Ids(await cases.GetJsonAsync("/api/board")));
        }
        finally
        {
            await cases.DeleteTablesAsync();
        }
    }

    [Fact]
    public async Task Board_NoKey_401()
    {
        using var client = _api.CreateClient();

        var response = await client.GetAsync(new Uri("/api/board", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Root_ServesTheBoardPage()
    {
        using var client = _api.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/ui/", "text/html")] // the board, where the Functions host's pages function serves it
    [InlineData("/api/ui/case.html", "text/html")]
    [InlineData("/api/ui/playground.html", "text/html")]
    [InlineData("/api/ui/js/board.js", "text/javascript")]
    [InlineData("/api/ui/css/board.css", "text/css")]
    public async Task Pages_UnderTheApiPrefix_ServedAsStandalone(string path, string mediaType)
    {
        using var client = _api.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/ui/nothing.html")]
    [InlineData("/api/ui/..%2F..%2Fappsettings.json")]
    [InlineData("/api/ui/js/")]
    public async Task Pages_NoSuchPage_404Problem(string path)
    {
        using var client = _api.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_WithoutTheSlash_RedirectedSoRelativeLinksResolve()
    {
        using var client = _api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/api/ui", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/ui/", response.Headers.Location?.OriginalString);
    }
}
