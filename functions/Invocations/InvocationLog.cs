namespace SlaFunctions.Invocations;

/// <summary>Log lines of the invocation protocol (event ids 5001-5099). Never logs a message body.</summary>
internal static partial class InvocationLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Sweep done: {Cases} cases judged, {Notices} notices to the escalations binding (past due: {PastDue})")]
    public static partial void Swept(ILogger logger, int cases, int notices, bool pastDue);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Sweep failed; the invocation fails and the next tick sweeps again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Message {MessageId} failed on delivery {DeliveryCount}; Service Bus delivers it again until its max delivery count, then dead-letters it")]
    public static partial void ReceiveFailed(ILogger logger, string? messageId, int deliveryCount, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Dead-lettered message {MessageId} ({Reason}) recorded")]
    public static partial void DeadLettered(ILogger logger, string? messageId, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Dead-lettered message {MessageId} could not be recorded; it stays in the dead-letter queue")]
    public static partial void DeadLetterFailed(ILogger logger, string? messageId, Exception exception);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Slice {Slice} failed; the queue delivers it again, and the sweep queues it again after its lease")]
    public static partial void SliceFailed(ILogger logger, string slice, Exception exception);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Invocation of {Function} refused: {Problem}")]
    public static partial void Refused(ILogger logger, string function, string problem);
}
