using System.Text;
using Microsoft.AspNetCore.Mvc;
using SlaFunctions.Monitoring.Sending;

namespace SlaFunctions.Invocations;

/// <summary>The <c>deadletters</c> function: a Service Bus trigger on <c>escalations/$DeadLetterQueue</c>, recording
/// each notice Service Bus gave up on with <see cref="INoticeInbox.DeadLetterAsync"/>.</summary>
internal static class DeadLetterInvocation
{
    /// <summary>The function's name: its folder, and the path the host posts to.</summary>
    public const string FunctionName = "deadletters";

    /// <summary>The Service Bus trigger's binding name.</summary>
    public const string TriggerBinding = "deadLetter";

    /// <summary>Service Bus keeps why it dead-lettered a message in these application properties.</summary>
    private const string ReasonProperty = "DeadLetterReason";

    private const string DescriptionProperty = "DeadLetterErrorDescription";

    /// <summary>Records the message. A failure answers 500, so the host abandons it and it stays in the dead-letter
    /// queue to be delivered again.</summary>
    public static async Task<IResult> RunAsync(
        HttpRequest request, [FromServices] INoticeInbox inbox, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DeadLetterInvocation).FullName!);
        if (await InvocationRequest.ReadAsync(request, cancellationToken) is not { } invocation)
        {
            return InvocationResult.Refused(logger, FunctionName, InvocationRequest.NotAnEnvelope);
        }
        if (!invocation.Data.TryGetValue(TriggerBinding, out var value) || HostValue.Text(value) is not { } body)
        {
            return InvocationResult.Refused(logger, FunctionName, $"Data.{TriggerBinding} (the message body) is missing");
        }
        var messageId = invocation.MetadataValue("MessageId") is { } id ? HostValue.Text(id) : null;
        var reason = Reason(invocation);
        try
        {
            await inbox.DeadLetterAsync(Encoding.UTF8.GetBytes(body), reason, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The protocol's boundary: only a non-2xx answer keeps the message in the dead-letter queue.
            InvocationLog.DeadLetterFailed(logger, messageId, ex);
            return InvocationResult.Failed(InvocationResult.StatusFor(ex), $"Dead-lettered message {messageId} not recorded ({ex.GetType().Name}: {ex.Message}); it stays in the dead-letter queue.");
        }
        InvocationLog.DeadLettered(logger, messageId, reason);
        return InvocationResult.Done($"Dead-lettered message {messageId} recorded: {reason}.");
    }

    /// <summary>"MaxDeliveryCountExceeded: Message could not be consumed after 5 delivery attempts.", from the
    /// message's application properties (extension 5.x names them ApplicationProperties, 4.x UserProperties).</summary>
    private static string Reason(InvocationRequest invocation)
    {
        string? Property(string name) =>
            (invocation.MetadataValue(name, "ApplicationProperties") ?? invocation.MetadataValue(name, "UserProperties")) is { } found
                ? HostValue.Text(found)
                : null;
        var reason = Property(ReasonProperty);
        var description = Property(DescriptionProperty);
        return (reason, description) switch
        {
            (null, null) => "Service Bus gave no reason",
            (_, null) => reason!,
            (null, _) => description!,
            _ => $"{reason}: {description}",
        };
    }
}
