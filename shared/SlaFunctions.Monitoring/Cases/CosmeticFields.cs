using System.Globalization;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>Keeps a delivery's cosmetic text (title, link, people, channel, the tool's raw priority, notes) within
/// what a case row holds: a longer value is cut, with a note saying so, so a long field never costs the case.</summary>
public static class CosmeticFields
{
    /// <summary>The most characters of a title kept.</summary>
    public const int MaxTitle = 1000;

    /// <summary>The most characters of a link kept.</summary>
    public const int MaxUrl = 2048;

    /// <summary>The most characters kept of a name, a channel or a priority as the tool wrote it.</summary>
    public const int MaxName = 256;

    /// <summary>The most characters of one history note kept.</summary>
    public const int MaxNote = 2000;

    /// <summary><paramref name="incoming"/> with each cosmetic field cut to its limit, and a note for each cut.</summary>
    public static IncomingCase Shorten(IncomingCase incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming.Title is not { Length: > MaxTitle } && incoming.Url is not { Length: > MaxUrl } && incoming.Assignee is not { Length: > MaxName }
            && incoming.Requester is not { Length: > MaxName } && incoming.Channel is not { Length: > MaxName } && incoming.Priority is not { Length: > MaxName }
            && incoming.Events.All(e => e.Severity is not { Length: > MaxName }) && incoming.Notes.All(n => n.Length <= MaxNote))
        {
            return incoming; // the usual case: nothing to cut, nothing to copy
        }
        var notes = new List<string>();
        var shortened = incoming with
        {
            Title = Cut(incoming.Title, MaxTitle, "title", notes),
            Url = Cut(incoming.Url, MaxUrl, "link", notes),
            Assignee = Cut(incoming.Assignee, MaxName, "assignee", notes),
            Requester = Cut(incoming.Requester, MaxName, "requester", notes),
            Channel = Cut(incoming.Channel, MaxName, "channel", notes),
            Priority = Cut(incoming.Priority, MaxName, "priority", notes),
            Events = [.. incoming.Events.Select(e => e.Severity is { Length: > MaxName } ? e with { Severity = Cut(e.Severity, MaxName, "priority", notes) } : e)],
        };
        return shortened with { Notes = [.. incoming.Notes.Concat(notes).Select(n => Cut(n, MaxNote, null, null)!)] };
    }

    private static string? Cut(string? text, int max, string? field, List<string>? notes)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }
        notes?.Add(string.Create(CultureInfo.InvariantCulture, $"The {field} was {text.Length:N0} characters; its first {max:N0} are kept."));
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max; // never half a surrogate pair
        return text[..end];
    }
}
