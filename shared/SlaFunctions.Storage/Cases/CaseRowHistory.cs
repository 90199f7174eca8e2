using System.Buffers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Storage.Cases;

/// <summary>Writes and reads a <see cref="HistoryPart"/> in a row's string columns: the case row's latest stretch of
/// history, or an archive row's earlier one.</summary>
/// <remarks>
/// <para>The part is compact JSON split over string columns <c>History0</c>, <c>History1</c>, … of at most
/// <see cref="ColumnChars"/> characters each (Table Storage caps a string column at 64 KiB, 32K UTF-16 characters,
/// and an entity at 1 MiB).</para>
/// <para>Written and read with <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>: no reflection.</para>
/// </remarks>
internal static class CaseRowHistory
{
    /// <summary>The most characters one column holds.</summary>
    public const int ColumnChars = 32_000;

    /// <summary>The default budget: twelve columns, 768 KB as UTF-16, leaving the row's other columns room in 1 MiB.</summary>
    public const int DefaultBudget = 12 * ColumnChars;

    private const string Column = "History";
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    /// <summary>Writes <paramref name="part"/> into <paramref name="row"/>; false, writing nothing, when it would pass
    /// <paramref name="budget"/> characters.</summary>
    public static bool TryWrite(TableEntity row, HistoryPart part, int budget)
    {
        var text = Serialize(part);
        if (text.Length > budget)
        {
            return false;
        }
        for (int start = 0, column = 0; start < text.Length; start += ColumnChars, column++)
        {
            row[ColumnName(column)] = text.Substring(start, Math.Min(ColumnChars, text.Length - start));
        }
        return true;
    }

    /// <summary>Reads the part back from <paramref name="row"/>; empty when the row has none.</summary>
    public static HistoryPart Read(TableEntity row)
    {
        if (row.GetString(ColumnName(0)) is not { } first)
        {
            return HistoryPart.Empty;
        }
        var text = new StringBuilder(first);
        for (var column = 1; row.GetString(ColumnName(column)) is { } part; column++)
        {
            text.Append(part);
        }
        using var document = JsonDocument.Parse(text.ToString());
        var events = new List<HistoryEntry>();
        foreach (var e in document.RootElement.GetProperty("events").EnumerateArray())
        {
            events.Add(new HistoryEntry
            {
                Event = new CaseEvent
                {
                    At = Pattern.Parse(e.GetProperty("at").GetString()!).Value,
                    Type = Enum.Parse<CaseEventType>(e.GetProperty("type").GetString()!),
                    Status = Optional(e, "status") is { } status ? Enum.Parse<CaseStatus>(status) : null,
                    Severity = Optional(e, "severity"),
                    Group = Optional(e, "group"),
                },
                DeliveryId = e.GetProperty("delivery").GetString()!,
                ReceivedAt = Pattern.Parse(e.GetProperty("received").GetString()!).Value,
                Note = Optional(e, "note"),
            });
        }
        // A row written before delivery ids were kept here has none: its events' delivery ids stand in.
        var deliveries = document.RootElement.TryGetProperty("deliveries", out _)
            ? Strings(document.RootElement, "deliveries")
            : [.. events.Select(e => e.DeliveryId).Distinct(StringComparer.Ordinal)];
        return new HistoryPart(events, Strings(document.RootElement, "noticed"), deliveries);
    }

    private static string ColumnName(int column) => Column + column.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Strings(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(s => s.GetString()!)];

    private static string Serialize(HistoryPart part)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var h in part.Events)
            {
                json.WriteStartObject();
                json.WriteString("at", Pattern.Format(h.Event.At));
                json.WriteString("type", h.Event.Type.ToString());
                WriteOptional(json, "status", h.Event.Status?.ToString());
                WriteOptional(json, "severity", h.Event.Severity);
                WriteOptional(json, "group", h.Event.Group);
                json.WriteString("delivery", h.DeliveryId);
                json.WriteString("received", Pattern.Format(h.ReceivedAt));
                WriteOptional(json, "note", h.Note);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteStrings(json, "noticed", part.Noticed);
            WriteStrings(json, "deliveries", part.Deliveries);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? value.GetString() : null;
}
