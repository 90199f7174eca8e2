using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SlaFunctions.Monitoring.Sweep;

namespace SlaFunctions.Invocations;

/// <summary>The <c>sweep</c> function: a timer trigger whose notices go out through the <c>escalations</c> Service Bus
/// output binding, and its slices through the <c>slices</c> Storage Queue output binding (to <see cref="SliceInvocation"/>).</summary>
internal static class SweepInvocation
{
    /// <summary>The function's name: its folder, and the path the host posts to.</summary>
    public const string FunctionName = "sweep";

    /// <summary>The timer trigger's binding name.</summary>
    public const string TriggerBinding = "timer";

    /// <summary>The Service Bus output binding's name.</summary>
    public const string OutputBinding = "escalations";

    /// <summary>The slice queue output binding's name.</summary>
    public const string SliceBinding = "slices";

    /// <summary>Sweeps once and answers with the notices as the output binding's messages.</summary>
    /// <remarks>A failed sweep fails the invocation, and the host then sends none of the notices gathered so far. None
    /// is lost: the sender acknowledges what it sends, and the sweep sends unacknowledged notices again.</remarks>
    public static async Task<IResult> RunAsync(
        HttpRequest request, [FromServices] ISweep sweep, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SweepInvocation).FullName!);
        if (await InvocationRequest.ReadAsync(request, cancellationToken) is not { } invocation)
        {
            return InvocationResult.Refused(logger, FunctionName, InvocationRequest.NotAnEnvelope);
        }
        var pastDue = invocation.Data.TryGetValue(TriggerBinding, out var timer)
            && timer.ValueKind == JsonValueKind.Object
            && timer.TryGetProperty("IsPastDue", out var late)
            && late.ValueKind == JsonValueKind.True;
        var queue = new BindingQueue();
        var slices = new BindingQueue();
        SweepReport report;
        try
        {
            report = await sweep.RunAsync(queue, slices, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The protocol's boundary: any failure becomes a non-2xx answer, which fails the invocation.
            InvocationLog.SweepFailed(logger, ex);
            return InvocationResult.Failed(InvocationResult.StatusFor(ex), $"Sweep failed ({ex.GetType().Name}: {ex.Message}); the next tick sweeps again.");
        }
        var messages = queue.Messages;
        InvocationLog.Swept(logger, report.Cases, messages.Count, pastDue);
        return InvocationResult.Done(
            $"Sweep: {report.Cases} cases due, {messages.Count} notices and {slices.Messages.Count} slices queued{(pastDue ? " (the run was past due)" : "")}.",
            new() { [OutputBinding] = messages, [SliceBinding] = slices.Messages });
    }
}
