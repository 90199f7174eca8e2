using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Sweep;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Telemetry;
using SlaFunctions.Standalone;
using SlaFunctions.Storage.Queues;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Telemetry;
using Xunit;

namespace SlaFunctions.Functions.Tests.Telemetry;

/// <summary>One webhook and one sweep on Azurite, watched through OpenTelemetry's in-memory exporter: the spans and
/// metrics an operator reads, with no secret, address or payload in them.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly CaseApi _api = new(Opened);
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task WebhookThenSweep_SpansAndMetricsOfEach()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        // Always on: the request span around the webhook is not recorded here (no ASP.NET Core instrumentation in the test).
        using var tracing = Sdk.CreateTracerProviderBuilder().SetSampler(new AlwaysOnSampler()).AddSource(SlaTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(SlaTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var caseId = "T-" + Guid.NewGuid().ToString("N")[..8];

        // A Critical case, swept after its first response ran out (due 10:00): the sweep emits its breach.
        await new CaseEvents(_api, _client).OpenAsync(caseId, Opened, "critical");
        _api.Clock.Reset(Opened + Duration.FromMinutes(61));
        await _api.Services.GetRequiredService<ISweep>().RunAsync(_api.Services.GetRequiredService<StorageNoticeQueue>(), new CollectedSlices(), default);
        var listener = ActivatorUtilities.CreateInstance<SlaFunctions.Standalone.NoticeQueueListener>(_api.Services);
        while (await listener.DrainOnceAsync(default) > 0)
        {
        }
        tracing.ForceFlush();
        meters.ForceFlush();
        // Stopped before the list is read: the exporter adds every span of the source, also those of other tests'
        // sweeps running meanwhile, from their threads, and reading the list while one is added throws.
        tracing.Dispose();

        Assert.Contains(spans, s => s.OperationName == "webhook.receive" && (string?)s.GetTagItem("sla.outcome") == "applied" && (string?)s.GetTagItem("sla.connection") == "acme-events");
        Assert.Contains(spans, s => s.OperationName == "sweep" && s.GetTagItem("sla.cases") is int cases && cases >= 1);
        // The sender's span continues the sweep's trace across the queue.
        var sweeps = spans.Where(s => s.OperationName == "sweep").ToList();
        Assert.Contains(spans, s => s.OperationName == "notice.send" && sweeps.Any(w => w.TraceId == s.TraceId && w.SpanId == s.ParentSpanId));
        // Tags name connections, outcomes and counts, never the ticket, a person or a body.
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(caseId, StringComparison.Ordinal) == true || t.Value?.ToString()?.Contains('@') == true);
        Assert.True(Sum(metrics, "sla.webhook.deliveries", ("outcome", "applied")) >= 1);
        Assert.True(Sum(metrics, "sla.breaches", ("policy", "lumenvox")) >= 1);
        Assert.Contains(metrics, m => m.Name == "sla.sweep.duration");
        Assert.Contains(metrics, m => m.Name == "sla.sweep.lag");
    }

    [Theory]
    [InlineData(true, "json")] // the host's log stream keeps each entry on one line with its level
    [InlineData(false, "simple")]
    public async Task Logs_BehindTheHost_SingleLineJson(bool behindHost, string formatter)
    {
        await using var api = new SlaFunctions.Functions.Tests.Invocations.FunctionsHostApi(behindHost);
        using var client = api.CreateClient();

        var console = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(formatter, console.FormatterName);
    }

    [Theory]
    [InlineData("Authorization=AAD;ClientId=0b1c2d3e-0000-4000-8000-000000000001", "0b1c2d3e-0000-4000-8000-000000000001")]
    [InlineData("clientid=abc; Authorization=AAD", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ClientIdOf_TheHostsAuthenticationString(string? setting, string? clientId)
    {
        Assert.Equal(clientId, TelemetrySetup.ClientIdOf(setting));
    }

    // The sum of a counter's points whose tags include the given one.
    private static long Sum(List<Metric> metrics, string name, (string Key, string Value) tag)
    {
        long total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var pair in point.Tags)
                {
                    if (pair.Key == tag.Key && pair.Value?.ToString() == tag.Value)
                    {
                        total += point.GetSumLong();
                    }
                }
            }
        }
        return total;
    }
}
