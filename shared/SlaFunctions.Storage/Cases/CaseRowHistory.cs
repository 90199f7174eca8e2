using System.Buffers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Storage.Cases;

/// <summary>A copy of a case's history and notice marks kept in its case row, so one point read loads the whole case.
/// The event and mark rows stay the record; this copy is what reads use while it fits.</summary>
/// <remarks>
/// <para>The copy is compact JSON split over string columns <c>History0</c>, <c>History1</c>, … of at most
/// <see cref="ColumnChars"/> characters each (Table Storage caps a string column at 64 KiB, 32K UTF-16 characters,
/// and an entity at 1 MiB). A case whose copy would pass its budget is marked <c>HistorySpilled</c> and read with
/// the range query over its rows instead.</para>
/// <para>Written and read with <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>: no reflection.</para>
/// </remarks>
internal static class CaseRowHistory
{
    /// <summary>The most characters one column holds.</summary>
    public const int ColumnChars = 32_000;

    /// <summary>The default budget: twelve columns, 768 KB as UTF-16, leaving the row's other columns room in 1 MiB.</summary>
    public const int DefaultBudget = 12 * ColumnChars;

    private const string Column = "History";
    private const string Spilled = "HistorySpilled";
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    /// <summary>Writes the copy of <paramref name="history"/> and <paramref name="noticed"/> into
    /// <paramref name="row"/>, or marks the row spilled when it would pass <paramref name="budget"/> characters.</summary>
    public static void Write(TableEntity row, IEnumerable<HistoryEntry> history, IEnumerable<string> noticed, int budget)
    {
        var text = Serialize(history, noticed);
        if (text.Length > budget)
        {
            row[Spilled] = true;
            return;
        }
        for (int start = 0, column = 0; start < text.Length; start += ColumnChars, column++)
        {
            row[ColumnName(column)] = text.Substring(start, Math.Min(ColumnChars, text.Length - start));
        }
    }

    /// <summary>Reads the copy back from <paramref name="row"/>; false when the row has none (spilled, or written
    /// before rows carried one), and the caller reads the case's rows instead.</summary>
    public static bool TryRead(TableEntity row, out List<HistoryEntry> history, out HashSet<string> noticed)
    {
        history = [];
        noticed = new HashSet<string>(StringComparer.Ordinal);
        if (row.GetBoolean(Spilled) == true || row.GetString(ColumnName(0)) is not { } first)
        {
            return false;
        }
        var text = new StringBuilder(first);
        for (var column = 1; row.GetString(ColumnName(column)) is { } part; column++)
        {
            text.Append(part);
        }
        using var document = JsonDocument.Parse(text.ToString());
        foreach (var e in document.RootElement.GetProperty("events").EnumerateArray())
        {
            history.Add(new HistoryEntry
            {
                Event = new CaseEvent
                {
                    At = Pattern.Parse(e.GetProperty("at").GetString()!).Value,
                    Type = Enum.Parse<CaseEventType>(e.GetProperty("type").GetString()!),
                    Status = Optional(e, "status") is { } status ? Enum.Parse<CaseStatus>(status) : null,
                    Severity = Optional(e, "severity"),
                },
                DeliveryId = e.GetProperty("delivery").GetString()!,
                ReceivedAt = Pattern.Parse(e.GetProperty("received").GetString()!).Value,
                Note = Optional(e, "note"),
            });
        }
        foreach (var key in document.RootElement.GetProperty("noticed").EnumerateArray())
        {
            noticed.Add(key.GetString()!);
        }
        return true;
    }

    private static string ColumnName(int column) => Column + column.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Serialize(IEnumerable<HistoryEntry> history, IEnumerable<string> noticed)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var h in history)
            {
                json.WriteStartObject();
                json.WriteString("at", Pattern.Format(h.Event.At));
                json.WriteString("type", h.Event.Type.ToString());
                WriteOptional(json, "status", h.Event.Status?.ToString());
                WriteOptional(json, "severity", h.Event.Severity);
                json.WriteString("delivery", h.DeliveryId);
                json.WriteString("received", Pattern.Format(h.ReceivedAt));
                WriteOptional(json, "note", h.Note);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("noticed");
            foreach (var key in noticed)
            {
                json.WriteStringValue(key);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
