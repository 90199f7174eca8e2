using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SlaFunctions.Monitoring.Telemetry;

/// <summary>The app's own traces and metrics, under one name, <see cref="Name"/>: a span per webhook delivery, sweep and
/// notice sent, and counters of what each did. Nothing here carries a secret, an address or a payload: connections,
/// policies, severities, kinds and outcomes only.</summary>
/// <remarks>Static, like <see cref="ActivitySource"/> and <see cref="Meter"/> themselves: with no listener (no exporter
/// configured) every call costs next to nothing.</remarks>
public static class SlaTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "SlaFunctions";

    /// <summary>Spans: <c>webhook.receive</c>, <c>sweep</c>, <c>notice.send</c>.</summary>
    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "sla.webhook.deliveries", "{delivery}", "Webhook deliveries by connection and outcome (applied, duplicate, ignored, or the refusal's status).");

    private static readonly Counter<long> Notices = Meter.CreateCounter<long>(
        "sla.notices", "{notice}", "Notices per recipient by kind and outcome: sent, held, retrying, poison, or dropped as overtaken.");

    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>(
        "sla.breaches", "{breach}", "Breach notices emitted by the sweep, by policy and severity.");

    private static readonly Histogram<double> SweepDuration = Meter.CreateHistogram<double>(
        "sla.sweep.duration", "s", "How long one sweep took.");

    private static readonly Histogram<double> SweepLag = Meter.CreateHistogram<double>(
        "sla.sweep.lag", "s", "At the start of a sweep: now minus the oldest due point not yet swept (0 when none waits).");

    /// <summary>A webhook delivery to <paramref name="connection"/> ended with <paramref name="outcome"/>.</summary>
    public static void Delivery(string connection, string outcome) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("connection", connection), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A notice of <paramref name="kind"/> to one recipient ended with <paramref name="outcome"/>.</summary>
    public static void Notice(string kind, string outcome) =>
        Notices.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The sweep emitted a breach notice for a case of <paramref name="policy"/> at <paramref name="severity"/>.</summary>
    public static void Breach(string policy, string severity) =>
        Breaches.Add(1, new KeyValuePair<string, object?>("policy", policy), new KeyValuePair<string, object?>("severity", severity));

    /// <summary>A sweep took <paramref name="elapsed"/>.</summary>
    public static void Swept(TimeSpan elapsed) => SweepDuration.Record(elapsed.TotalSeconds);

    /// <summary>A sweep started <paramref name="lag"/> after the oldest due point it had still to look at.</summary>
    public static void Lag(TimeSpan lag) => SweepLag.Record(Math.Max(0, lag.TotalSeconds));
}
