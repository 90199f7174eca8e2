using Azure.Data.Tables;
using NodaTime;

namespace SlaFunctions.Storage.Cases;

/// <summary>Maps a case to and from table rows: its case row (the snapshot and the latest stretch of its history) and,
/// for a case whose history outgrew that row, its archive rows of earlier stretches, which sort after it.</summary>
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
    public const string ArchivePrefix = "e|"; // not b|, c|, x| or y|: the kinds of row an earlier layout wrote

    /// <summary>Every archive row's key is below this.</summary>
    public const string ArchiveEnd = "e}";

    /// <summary>Every case row's key is at or above <see cref="CasePrefix"/> and below this.</summary>
    public const string CaseRowsEnd = "a}";

    /// <summary>The case row's column counting the archive rows written.</summary>
    public const string Archived = "Archived";

    public static string CaseRow(CaseKey key) => CasePrefix + key.PartitionKey;

    /// <summary>The archive row holding the <paramref name="number"/>th (from 0) earlier stretch of the history.</summary>
    public static TableEntity ArchiveRow(CaseKey key, int number) =>
        new(key.PartitionKey, ArchivePrefix + key.PartitionKey + "|" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

    public static TableEntity ToEntity(CaseSnapshot s) => new(s.Key.PartitionKey, CaseRow(s.Key))
    {
        ["Connection"] = s.Key.Connection,
        ["ExternalId"] = s.Key.ExternalId,
        ["PolicyId"] = s.PolicyId,
        ["Customer"] = s.Customer,
        ["OpenedAt"] = s.OpenedAt.ToDateTimeOffset(),
        ["OpenedSeverity"] = s.OpenedSeverity,
        ["Severity"] = s.Severity,
        ["Title"] = s.Title,
        ["Url"] = s.Url,
        ["Assignee"] = s.Assignee,
        ["Requester"] = s.Requester,
        ["Channel"] = s.Channel,
        ["FieldsAsOf"] = s.FieldsAsOf?.ToDateTimeOffset(),
        ["Status"] = s.Status ?? "open",
        // One value a line: values are single-line words of the tool (a status, a priority).
        ["Unmapped"] = s.Unmapped.Count == 0 ? null : string.Join('\n', s.Unmapped),
        ["NextDueAt"] = s.NextDueAt?.ToDateTimeOffset(),
        ["NextCheckAt"] = s.NextCheckAt?.ToDateTimeOffset(),
        ["AtRiskAt"] = s.AtRiskAt?.ToDateTimeOffset(),
        ["Breached"] = s.Breached,
        ["TargetsJson"] = TargetRecordJson.Write(s.Targets),
        ["EvaluatedAt"] = s.EvaluatedAt?.ToDateTimeOffset(),
        ["Version"] = s.Version,
    };

    public static CaseSnapshot ToSnapshot(TableEntity e) => new()
    {
        Key = new CaseKey(e.GetString("Connection"), e.GetString("ExternalId")),
        PolicyId = e.GetString("PolicyId"),
        Customer = e.GetString("Customer"),
        OpenedAt = Instant.FromDateTimeOffset(e.GetDateTimeOffset("OpenedAt")!.Value),
        OpenedSeverity = e.GetString("OpenedSeverity"),
        Severity = e.GetString("Severity"),
        Title = e.GetString("Title"),
        Url = e.GetString("Url"),
        Assignee = e.GetString("Assignee"),
        Requester = e.GetString("Requester"),
        Channel = e.GetString("Channel"),
        FieldsAsOf = OptionalInstant(e, "FieldsAsOf"),
        Status = e.GetString("Status"),
        Unmapped = e.GetString("Unmapped") is { Length: > 0 } unmapped ? unmapped.Split('\n') : [],
        NextDueAt = OptionalInstant(e, "NextDueAt"),
        NextCheckAt = OptionalInstant(e, "NextCheckAt"),
        AtRiskAt = OptionalInstant(e, "AtRiskAt"),
        Breached = e.GetBoolean("Breached") ?? false,
        Targets = TargetRecordJson.Read(e.GetString("TargetsJson")),
        EvaluatedAt = OptionalInstant(e, "EvaluatedAt"),
        Version = e.GetInt64("Version") ?? 0,
    };

    private static Instant? OptionalInstant(TableEntity e, string name) =>
        e.GetDateTimeOffset(name) is { } value ? Instant.FromDateTimeOffset(value) : null;
}
