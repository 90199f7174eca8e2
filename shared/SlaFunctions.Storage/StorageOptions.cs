using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage;

/// <summary>Settings of the <c>Storage</c> section: where the tables live.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>A connection string (locally <c>UseDevelopmentStorage=true</c> for Azurite). Used when
    /// <see cref="TableEndpoint"/> is not set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's table endpoint, reached with a managed identity: how the app runs in Azure, with no key.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>These settings, with Azurite's connection string (<c>UseDevelopmentStorage=true</c>) when neither a
    /// connection string nor an endpoint is set: the local default of the app and its commands.</summary>
    public StorageOptions WithLocalDefault()
    {
        ConnectionString ??= TableEndpoint is null ? "UseDevelopmentStorage=true" : null;
        return this;
    }

    /// <summary>The user-assigned identity's client id, with <see cref="TableEndpoint"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The table of cases (one row per case with its history, and archive rows of long histories).</summary>
    public string CasesTable { get; set; } = "cases";

    /// <summary>Retries the SDK makes on a transient failure before the app answers 503.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The due index: its tables are this name followed by the day (<c>casedue20260310</c>), and a table of
    /// this name alone is one an earlier version kept (read until it is drained, then dropped).</summary>
    public string DueTable { get; set; } = "casedue";

    /// <summary>The table of notices in flight or held (and the sweep's checkpoint).</summary>
    public string OutboxTable { get; set; } = "noticeoutbox";

    /// <summary>The table recording each notice to each recipient.</summary>
    public string DeliveriesTable { get; set; } = "noticesent";

    /// <summary>The table of poison notices.</summary>
    public string PoisonTable { get; set; } = "noticepoison";

    /// <summary>The table of each connection's last webhook deliveries and their outcomes.</summary>
    public string WebhookLogTable { get; set; } = "webhooklog";

    /// <summary>Standalone, the Storage Queue notices travel on (in Azure, the Service Bus queue of the same name).</summary>
    public string QueueName { get; set; } = "escalations";

    /// <summary>The Storage Queue the sweep puts its slices on, for any instance's slice worker (standalone and in
    /// Azure alike: the <c>sweep-slice</c> function's queue trigger reads it).</summary>
    public string SliceQueueName { get; set; } = "sweep-slices";

    /// <summary>The account's queue endpoint, reached with a managed identity; otherwise the connection string is used.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>Every problem with these settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TableEndpoint is null && string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("Storage:ConnectionString or Storage:TableEndpoint must be set (UseDevelopmentStorage=true for Azurite).");
        }
        foreach (var (key, name) in new[] { ("Storage:CasesTable", CasesTable), ("Storage:DueTable", DueTable), ("Storage:OutboxTable", OutboxTable), ("Storage:DeliveriesTable", DeliveriesTable), ("Storage:PoisonTable", PoisonTable), ("Storage:WebhookLogTable", WebhookLogTable) })
        {
            if (string.IsNullOrEmpty(name) || name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add($"{key} '{name}' is not a table name: 3-63 letters and digits, starting with a letter.");
            }
        }
        if (DueTable is { Length: > DueIndex.MaxNameLength and <= 63 })
        {
            problems.Add($"Storage:DueTable '{DueTable}' is too long: at most {DueIndex.MaxNameLength} characters, as the due index adds the day (8 digits) to it.");
        }
        foreach (var (key, name) in new[] { ("Storage:QueueName", QueueName), ("Storage:SliceQueueName", SliceQueueName) })
        {
            if (string.IsNullOrEmpty(name) || name.Length is < 3 or > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                problems.Add($"{key} '{name}' is not a queue name: 3-63 lower-case letters, digits and hyphens.");
            }
        }
        return problems;
    }
}
