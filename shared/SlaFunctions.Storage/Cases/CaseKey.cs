using System.Text;

namespace SlaFunctions.Storage.Cases;

/// <summary>A case's identity: the connection (one configured ticket-tool integration) and the tool's ticket id.</summary>
/// <remarks>The connection comes from the webhook's route and configuration, never from the payload, so one
/// customer's payload cannot name another customer's case.</remarks>
public readonly record struct CaseKey
{
    /// <summary>Creates a key.</summary>
    /// <exception cref="ArgumentException">Either part is empty.</exception>
    public CaseKey(string connection, string externalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        Connection = connection;
        ExternalId = externalId;
    }

    /// <summary>The connection's name, e.g. <c>acme-zendesk</c>.</summary>
    public string Connection { get; }

    /// <summary>The ticket's id in the tool, e.g. <c>35436</c> or <c>SUP-42</c>.</summary>
    public string ExternalId { get; }

    /// <summary>The longest <see cref="PartitionKey"/> a case may have: a table key holds at most 1 KiB (512 UTF-16
    /// characters), and the longest row key that repeats it, the due index's, adds 15.</summary>
    public const int MaxPartitionKeyLength = 496;

    /// <summary>True when the case's table keys stay within their limit (see <see cref="MaxPartitionKeyLength"/>).</summary>
    public bool FitsTableKeys => PartitionKey.Length <= MaxPartitionKeyLength;

    /// <summary>The Table Storage partition holding everything about this case.</summary>
    public string PartitionKey => Escape(Connection) + "|" + Escape(ExternalId);

    /// <summary><c>connection/externalId</c>.</summary>
    public override string ToString() => $"{Connection}/{ExternalId}";

    /// <summary>Reads a key back from <see cref="PartitionKey"/>.</summary>
    public static CaseKey FromPartitionKey(string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        var bar = partitionKey.IndexOf('|', StringComparison.Ordinal);
        return new CaseKey(Uri.UnescapeDataString(partitionKey[..bar]), Uri.UnescapeDataString(partitionKey[(bar + 1)..]));
    }

    // Table keys may not hold / \ # ? or control characters, and '|' separates the parts: percent-encode those.
    internal static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
