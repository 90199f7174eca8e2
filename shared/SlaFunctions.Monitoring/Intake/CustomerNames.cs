using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>Whose case it is, for the board, reports and notices.</summary>
public static class CustomerNames
{
    /// <summary>The connection's <see cref="ConnectionOptions.Customer"/>, or the connection's name when it names
    /// none (or is no longer configured).</summary>
    public static string CustomerOf(this WebhookOptions webhooks, string connection)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        return webhooks.TryFind(connection, out var configured) ? configured.Customer ?? connection : connection;
    }

    /// <summary>The customer <paramref name="row"/> keeps; for a row written before cases kept their customer, its
    /// connection's (see the other overload).</summary>
    public static string CustomerOf(this WebhookOptions webhooks, CaseSnapshot row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Customer ?? webhooks.CustomerOf(row.Key.Connection);
    }
}
