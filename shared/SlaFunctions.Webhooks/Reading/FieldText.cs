using System.Text.Json;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Reads a field a connection names (a tier, an organisation) in whatever shape the tool gives it.</summary>
internal static class FieldText
{
    /// <summary>The text at the dotted <paramref name="path"/> of <paramref name="reader"/>: a string or number as
    /// written; an object's <c>value</c> or <c>name</c> (a Jira select or user-picker field); the first such of an
    /// array of objects (Jira Service Management's Organizations). Null when the path is null, the field is absent or
    /// blank, or it has no such shape: the field is the connection's choice, so its absence never rejects a delivery.</summary>
    public static string? Of(PayloadReader? reader, string? path)
    {
        if (reader is null || path is null)
        {
            return null;
        }
        return reader.Find(path) switch
        {
            { ValueKind: JsonValueKind.String or JsonValueKind.Number } => reader.String(path),
            { ValueKind: JsonValueKind.Object } => NameOf(reader.Object(path)),
            { ValueKind: JsonValueKind.Array } array when array.GetArrayLength() > 0 && array[0].ValueKind == JsonValueKind.Object =>
                reader.Items(path).Select(NameOf).FirstOrDefault(n => n is not null),
            _ => null,
        };
    }

    private static string? NameOf(PayloadReader? item) => item is null ? null : Scalar(item, "value") ?? Scalar(item, "name");

    private static string? Scalar(PayloadReader item, string name) =>
        item.Find(name) is { ValueKind: JsonValueKind.String or JsonValueKind.Number } ? item.String(name) : null;
}
