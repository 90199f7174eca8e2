using NodaTime;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Webhooks;

namespace SlaFunctions.Endpoints;

/// <summary>Writes what the webhook endpoint answered one delivery to its connection's delivery log, then gives the
/// answer back. The log is diagnostics, written behind the answer: when storage cannot take the row, the delivery's
/// answer stands.</summary>
internal sealed partial class DeliveryRecorder(CaseTables tables, string connection, Instant receivedAt, ILogger logger)
{
    /// <summary>Records a refusal (4xx) for <paramref name="reason"/> and returns <paramref name="result"/>.</summary>
    public Task<IResult> RefusedAsync(IResult result, int status, string reason, string? externalId = null) =>
        RecordAsync(result, new WebhookDelivery { At = receivedAt, Outcome = "refused", Status = status, Reason = reason, ExternalId = externalId });

    /// <summary>Records a 200 with <paramref name="outcome"/> and returns <paramref name="result"/>.</summary>
    /// <param name="unmapped">The ticket's values the connection could not map, for health and <c>connection check</c>.</param>
    public Task<IResult> AnsweredAsync(IResult result, string outcome, string? reason, string? externalId, IReadOnlyList<string>? unmapped = null) =>
        RecordAsync(result, new WebhookDelivery
        {
            At = receivedAt, Outcome = outcome, Status = StatusCodes.Status200OK, Reason = reason, ExternalId = externalId, Unmapped = unmapped ?? [],
        });

    private async Task<IResult> RecordAsync(IResult result, WebhookDelivery delivery)
    {
        try
        {
            await tables.EnsureCreatedAsync(CancellationToken.None);
            tables.WebhookLog.Record(connection, delivery);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
        {
            LogNotRecorded(logger, connection, ex.Message);
        }
        return result;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The delivery log of connection {Connection} could not take a row: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string connection, string reason);
}
