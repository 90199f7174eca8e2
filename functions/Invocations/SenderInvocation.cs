using System.Text;
using Microsoft.AspNetCore.Mvc;
using SlaFunctions.Monitoring.Sending;

namespace SlaFunctions.Invocations;

/// <summary>The <c>sender</c> function: a Service Bus trigger on <c>escalations</c>, handing each message to the
/// <see cref="INoticeInbox"/>.</summary>
internal static class SenderInvocation
{
    /// <summary>The function's name: its folder, and the path the host posts to.</summary>
    public const string FunctionName = "sender";

    /// <summary>The Service Bus trigger's binding name.</summary>
    public const string TriggerBinding = "notice";

    /// <summary>Hands the message to the inbox. 200 completes the message; a failure answers 500 (503 for storage),
    /// so the host abandons it and Service Bus delivers it again, then dead-letters it after its max delivery count.</summary>
    public static async Task<IResult> RunAsync(
        HttpRequest request, [FromServices] INoticeInbox inbox, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SenderInvocation).FullName!);
        if (await InvocationRequest.ReadAsync(request, cancellationToken) is not { } invocation)
        {
            return InvocationResult.Refused(logger, FunctionName, InvocationRequest.NotAnEnvelope);
        }
        if (!invocation.Data.TryGetValue(TriggerBinding, out var value) || HostValue.Text(value) is not { } body)
        {
            return InvocationResult.Refused(logger, FunctionName, $"Data.{TriggerBinding} (the message body) is missing");
        }
        if (invocation.MetadataValue("DeliveryCount") is not { } count || HostValue.Int32(count) is not { } deliveryCount || deliveryCount < 1)
        {
            return InvocationResult.Refused(logger, FunctionName, "Metadata.DeliveryCount is missing or not a positive whole number");
        }
        var messageId = invocation.MetadataValue("MessageId") is { } id ? HostValue.Text(id) : null;
        try
        {
            await inbox.ReceiveAsync(Encoding.UTF8.GetBytes(body), deliveryCount, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The protocol's boundary: the inbox throws when the message must come again, and only a non-2xx answer
            // makes the host abandon it.
            InvocationLog.ReceiveFailed(logger, messageId, deliveryCount, ex);
            return InvocationResult.Failed(InvocationResult.StatusFor(ex), $"Message {messageId} failed on delivery {deliveryCount} ({ex.GetType().Name}: {ex.Message}); Service Bus delivers it again.");
        }
        return InvocationResult.Done($"Message {messageId} handled on delivery {deliveryCount}.");
    }
}
