namespace SlaFunctions.Monitoring.Intake;

/// <summary>Whose case a connection carries, for the board and reports.</summary>
public static class CustomerNames
{
    /// <summary>The connection's <see cref="ConnectionOptions.Customer"/>, or the connection's name when it names
    /// none (or is no longer configured).</summary>
    public static string CustomerOf(this WebhookOptions webhooks, string connection)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        return webhooks.TryFind(connection, out var configured) ? configured.Customer ?? connection : connection;
    }
}
