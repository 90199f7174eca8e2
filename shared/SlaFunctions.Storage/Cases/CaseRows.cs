using Azure.Data.Tables;
using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Storage.Cases;

/// <summary>Maps a case's parts to and from table rows. Row keys sort the case row first, its events next and the marks
/// of notices emitted after them, so one range query reads all three; claims sort last and are never read back.</summary>
/// <remarks>
/// <para>Rows are <see cref="TableEntity"/> dictionaries, mapped by hand, so nothing depends on reflection.</para>
/// <para>Every row key repeats the case's partition key after its kind (<c>a|acme|35436</c>), so no two rows in the
/// table share a row key. Table Storage does not need that; Azurite does: its store indexes row keys across the whole
/// table and compares partition keys one by one among the rows with that row key, so a row key every case shares
/// (<c>a|case</c>) would make each point read and insert cost one comparison per case.</para>
/// </remarks>
internal static class CaseRows
{
    public const string CasePrefix = "a|";
    public const string EventPrefix = "b|";
    public const string NoticePrefix = "c|";
    public const string DeliveryPrefix = "x|";
    public const string VersionPrefix = "y|";

    /// <summary>Every row key of the case row, its events and its notice marks is below this.</summary>
    public const string ReadableEnd = "d";

    /// <summary>Every case row's key is at or above <see cref="CasePrefix"/> and below this.</summary>
    public const string CaseRowsEnd = "a}";

    public static string CaseRow(CaseKey key) => CasePrefix + key.PartitionKey;

    public static string EventRow(CaseKey key, int sequence) =>
        EventPrefix + key.PartitionKey + "|" + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The mark that the notice of escalation point <paramref name="pointKey"/> was emitted.</summary>
    public static TableEntity NoticeMark(CaseKey key, string pointKey, Instant? now) => new(key.PartitionKey, NoticePrefix + key.PartitionKey + "|" + CaseKey.Escape(pointKey))
    {
        ["Key"] = pointKey,
        ["EmittedAt"] = now?.ToDateTimeOffset(),
    };

    public static string DeliveryRow(CaseKey key, string deliveryId) => DeliveryPrefix + key.PartitionKey + "|" + CaseKey.Escape(deliveryId);

    public static string VersionRow(CaseKey key, long version) =>
        VersionPrefix + key.PartitionKey + "|" + version.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(CaseSnapshot s) => new(s.Key.PartitionKey, CaseRow(s.Key))
    {
        ["Connection"] = s.Key.Connection,
        ["ExternalId"] = s.Key.ExternalId,
        ["PolicyId"] = s.PolicyId,
        ["OpenedAt"] = s.OpenedAt.ToDateTimeOffset(),
        ["OpenedSeverity"] = s.OpenedSeverity,
        ["Severity"] = s.Severity,
        ["Title"] = s.Title,
        ["Url"] = s.Url,
        ["Assignee"] = s.Assignee,
        ["Requester"] = s.Requester,
        ["Channel"] = s.Channel,
        ["Status"] = s.Status ?? "open",
        ["NextDueAt"] = s.NextDueAt?.ToDateTimeOffset(),
        ["NextCheckAt"] = s.NextCheckAt?.ToDateTimeOffset(),
        ["Breached"] = s.Breached,
        ["TargetsJson"] = s.TargetsJson,
        ["EvaluatedAt"] = s.EvaluatedAt?.ToDateTimeOffset(),
        ["Version"] = s.Version,
    };

    public static CaseSnapshot ToSnapshot(TableEntity e) => new()
    {
        Key = new CaseKey(e.GetString("Connection"), e.GetString("ExternalId")),
        PolicyId = e.GetString("PolicyId"),
        OpenedAt = Instant.FromDateTimeOffset(e.GetDateTimeOffset("OpenedAt")!.Value),
        OpenedSeverity = e.GetString("OpenedSeverity"),
        Severity = e.GetString("Severity"),
        Title = e.GetString("Title"),
        Url = e.GetString("Url"),
        Assignee = e.GetString("Assignee"),
        Requester = e.GetString("Requester"),
        Channel = e.GetString("Channel"),
        Status = e.GetString("Status"),
        NextDueAt = OptionalInstant(e, "NextDueAt"),
        NextCheckAt = OptionalInstant(e, "NextCheckAt"),
        Breached = e.GetBoolean("Breached") ?? false,
        TargetsJson = e.GetString("TargetsJson"),
        EvaluatedAt = OptionalInstant(e, "EvaluatedAt"),
        Version = e.GetInt64("Version") ?? 0,
    };

    public static TableEntity ToEntity(CaseKey key, int sequence, HistoryEntry h) => new(key.PartitionKey, EventRow(key, sequence))
    {
        ["At"] = h.Event.At.ToDateTimeOffset(),
        ["Type"] = h.Event.Type.ToString(),
        ["CaseStatus"] = h.Event.Status?.ToString(),
        ["Severity"] = h.Event.Severity,
        ["DeliveryId"] = h.DeliveryId,
        ["ReceivedAt"] = h.ReceivedAt.ToDateTimeOffset(),
        ["Note"] = h.Note,
    };

    public static HistoryEntry ToHistory(TableEntity e) => new()
    {
        Event = new CaseEvent
        {
            At = Instant.FromDateTimeOffset(e.GetDateTimeOffset("At")!.Value),
            Type = Enum.Parse<CaseEventType>(e.GetString("Type")),
            Status = e.GetString("CaseStatus") is { } status ? Enum.Parse<CaseStatus>(status) : null,
            Severity = e.GetString("Severity"),
        },
        DeliveryId = e.GetString("DeliveryId"),
        ReceivedAt = Instant.FromDateTimeOffset(e.GetDateTimeOffset("ReceivedAt")!.Value),
        Note = e.GetString("Note"),
    };

    private static Instant? OptionalInstant(TableEntity e, string name) =>
        e.GetDateTimeOffset(name) is { } value ? Instant.FromDateTimeOffset(value) : null;
}
