using Azure.Data.Tables;
using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Storage.Cases;

/// <summary>Maps a case's parts to and from table rows. Row keys sort the case row first, its events next and the marks
/// of notices emitted after them, so one range query reads all three; claims sort last and are never read back.</summary>
/// <remarks>Rows are <see cref="TableEntity"/> dictionaries, mapped by hand, so nothing depends on reflection.</remarks>
internal static class CaseRows
{
    public const string CaseRow = "a|case";
    public const string EventPrefix = "b|ev|";
    public const string NoticePrefix = "c|nt|";
    public const string DeliveryPrefix = "x|dl|";
    public const string VersionPrefix = "y|v|";

    /// <summary>Every row key of the case row, its events and its notice marks is below this.</summary>
    public const string ReadableEnd = "d";

    public static string EventRow(int sequence) => EventPrefix + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The mark that the notice of escalation point <paramref name="pointKey"/> was emitted.</summary>
    public static TableEntity NoticeMark(CaseKey key, string pointKey, Instant? now) => new(key.PartitionKey, NoticePrefix + CaseKey.Escape(pointKey))
    {
        ["Key"] = pointKey,
        ["EmittedAt"] = now?.ToDateTimeOffset(),
    };

    public static string DeliveryRow(string deliveryId) => DeliveryPrefix + CaseKey.Escape(deliveryId);

    public static string VersionRow(long version) => VersionPrefix + version.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(CaseSnapshot s) => new(s.Key.PartitionKey, CaseRow)
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

    public static TableEntity ToEntity(CaseKey key, int sequence, HistoryEntry h) => new(key.PartitionKey, EventRow(sequence))
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
