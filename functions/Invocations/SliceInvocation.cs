using Microsoft.AspNetCore.Mvc;
using SlaFunctions.Monitoring.Sweep;

namespace SlaFunctions.Invocations;

/// <summary>The <c>sweep-slice</c> function: a Storage Queue trigger on <c>sweep-slices</c> (the slices the sweep cut),
/// whose notices go out through the <c>escalations</c> Service Bus output binding. Any number of instances run it.</summary>
internal static class SliceInvocation
{
    /// <summary>The function's name: its folder, and the path the host posts to.</summary>
    public const string FunctionName = "sweep-slice";

    /// <summary>The queue trigger's binding name.</summary>
    public const string TriggerBinding = "slice";

    /// <summary>Judges the slice and answers with its notices as the output binding's messages. A failure answers
    /// non-2xx, so the host leaves the message to come again (and the sweep queues the slice again after its lease).</summary>
    public static async Task<IResult> RunAsync(
        HttpRequest request, [FromServices] ISliceSweep slices, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SliceInvocation).FullName!);
        if (await InvocationRequest.ReadAsync(request, cancellationToken) is not { } invocation)
        {
            return InvocationResult.Refused(logger, FunctionName, InvocationRequest.NotAnEnvelope);
        }
        if (!invocation.Data.TryGetValue(TriggerBinding, out var value) || HostValue.Text(value) is not { Length: > 0 } slice)
        {
            return InvocationResult.Refused(logger, FunctionName, $"Data.{TriggerBinding} (the slice id) is missing");
        }
        var queue = new BindingQueue();
        SweepReport report;
        try
        {
            report = await slices.RunAsync(slice, queue, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The protocol's boundary: any failure becomes a non-2xx answer, which fails the invocation.
            InvocationLog.SliceFailed(logger, slice, ex);
            return InvocationResult.Failed(InvocationResult.StatusFor(ex), $"Slice {slice} failed ({ex.GetType().Name}: {ex.Message}); it comes again.");
        }
        return InvocationResult.Done(
            $"Slice {slice}: {report.Cases} cases judged, {queue.Messages.Count} notices queued.",
            new() { [SweepInvocation.OutputBinding] = queue.Messages });
    }
}
