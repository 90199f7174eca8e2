using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Hosting;

/// <summary>Storage that refuses every call or is gone: health says so, naming it, and the app keeps serving while
/// its background services (sweep, queue listener, policy re-judging) log and retry.</summary>
public sealed class StorageOutageTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    // Azurite with a key it does not know: every call is a 403, as with a rotated or mistyped account key.
    private const string WrongKey = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktd3Jvbmcta2V5LXdyb25nLWtleQ==;"
        + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    // Nothing listens on port 1: every call fails at once, as when Azurite has died.
    private const string Gone = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    public static TheoryData<string> Outages => new() { WrongKey, Gone };

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> HealthAsync(CaseApi api)
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Health_StorageAnswers_200NamingIt()
    {
        await using var api = new CaseApi(Now);

        var (response, body) = await HealthAsync(api);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string)body["status"]!);
        Assert.Equal("ok", (string)body["dependencies"]!["storage"]!["status"]!);
        Assert.NotEmpty(body["policies"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Health_StorageRefusesOrGone_503NamingIt(string connectionString)
    {
        await using var api = new CaseApi(Now, connectionString);

        var (response, body) = await HealthAsync(api);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("unavailable", (string)body["status"]!);
        Assert.Equal("failing", (string)body["dependencies"]!["storage"]!["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["dependencies"]!["storage"]!["detail"]));
    }

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task App_StorageOutageFromStart_KeepsServing(string connectionString)
    {
        // Every background service on: the sweep each second, the queue listener, the re-judging of cases on start.
        await using var api = new CaseApi(Now, connectionString, new Dictionary<string, string?>
        {
            ["Sweep:RunStandalone"] = "true",
            ["Sweep:Schedule"] = "* * * * * *",
            ["Sla:RecomputeOnStart"] = "true",
        });
        using var client = api.CreateClient();
        var lifetime = api.Services.GetRequiredService<IHostApplicationLifetime>();

        await Task.Delay(TimeSpan.FromSeconds(4)); // several sweeps and queue reads, each failing

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "a background service stopped the app");
        var (response, _) = await HealthAsync(api);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
