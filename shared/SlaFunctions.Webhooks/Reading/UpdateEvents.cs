using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Collects the events and notes of one update as an adapter reads a delivery. A null time means the field was
/// unreadable and a problem is already recorded, so the event is left out of an update that will be rejected anyway.</summary>
internal sealed class UpdateEvents
{
    private readonly ToolVocabulary _vocabulary;
    private readonly List<CaseEvent> _events = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _unmapped = [];

    public UpdateEvents(ToolVocabulary vocabulary) => _vocabulary = vocabulary;

    /// <summary>The events so far, in the order added.</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    /// <summary>The notes so far.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The values the connection could not map so far (see <see cref="CaseUpdate.Unmapped"/>).</summary>
    public IReadOnlyList<string> Unmapped => _unmapped;

    /// <summary>The severity <paramref name="priority"/> maps to. When none, notes it if <paramref name="noteIfNone"/>:
    /// only where the delivery sets the severity (an opening, a snapshot), so a reply does not repeat the note.</summary>
    public string? SeverityOf(string? priority, bool noteIfNone = true)
    {
        var (severity, note) = _vocabulary.Severity(priority);
        if (noteIfNone && note is not null && !_notes.Contains(note))
        {
            _notes.Add(note);
            if (!string.IsNullOrWhiteSpace(priority))
            {
                Unknown("priority", priority);
            }
        }
        return severity;
    }

    /// <summary>Adds a severity change to what <paramref name="priority"/> maps to; notes it, and adds nothing, when none.</summary>
    public void SeverityChange(Instant? at, string? priority)
    {
        if (SeverityOf(priority) is { } severity && at is { } when)
        {
            _events.Add(CaseEvent.SeverityChange(when, severity));
        }
    }

    /// <summary>The case status <paramref name="toolStatus"/> maps to. When it maps to none, notes the unmapped value
    /// (once per update) and returns null, so the rest of the delivery still applies and the case keeps its status: a
    /// signed delivery is never refused, and never lost, for a word the connection's map lacks.</summary>
    /// <param name="toolStatus">The tool's status; null or blank maps to none and is not noted.</param>
    /// <param name="noteIfUnmapped">False where the caller has a fallback and notes it itself.</param>
    public CaseStatus? StatusOf(string? toolStatus, bool noteIfUnmapped = true)
    {
        var status = _vocabulary.Status(toolStatus);
        if (noteIfUnmapped && status is null && !string.IsNullOrWhiteSpace(toolStatus))
        {
            NoteOnce(UnmappedStatus(toolStatus.Trim()));
            Unknown("status", toolStatus);
        }
        return status;
    }

    /// <summary>Notes that <paramref name="toolStatus"/>, missing from the connection's map, was taken as
    /// <paramref name="status"/> from the tool's own category for it (a Jira status category).</summary>
    public void StatusByCategory(string toolStatus, string category, CaseStatus status)
    {
        Unknown("status", toolStatus);
        NoteOnce($"Status '{toolStatus.Trim()}' is not in this connection's status map; taken as {Word(status)} from its "
            + $"category '{category}'. Add it to the connection's Statuses to count it otherwise (e.g. pending or onHold).");
    }

    /// <summary>The note recorded on a case for a tool status that maps to no case status.</summary>
    public static string UnmappedStatus(string toolStatus) =>
        $"Status '{toolStatus}' maps to no case status in this connection, so the case's status was left as it was; "
        + "add it to the connection's Statuses as open, pending, onHold, solved or closed.";

    /// <summary>Adds a status change.</summary>
    public void StatusChange(Instant? at, CaseStatus? status)
    {
        if (status is { } value && at is { } when)
        {
            _events.Add(CaseEvent.StatusChange(when, value));
        }
    }

    /// <summary>Adds the assignee group the ticket is with, when the delivery says (<paramref name="present"/>); a blank
    /// <paramref name="group"/> then means no group. The engine ignores a group the case already has.</summary>
    public void GroupChange(Instant? at, bool present, string? group)
    {
        if (present && at is { } when)
        {
            _events.Add(CaseEvent.GroupChange(when, group));
        }
    }

    /// <summary>Adds an event that carries nothing but its type: a reply, a note, a workaround, an ETA.</summary>
    public void Add(Instant? at, CaseEventType type)
    {
        if (at is { } when)
        {
            _events.Add(new CaseEvent { At = when, Type = type });
        }
    }

    /// <summary>Adds a note for the case's event history.</summary>
    public void Note(string note) => _notes.Add(note);

    private void Unknown(string field, string value)
    {
        var entry = CaseUpdate.UnmappedEntry(field, value);
        if (!_unmapped.Contains(entry))
        {
            _unmapped.Add(entry);
        }
    }

    private void NoteOnce(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }

    private static string Word(CaseStatus status) => status switch
    {
        CaseStatus.OnHold => "onHold",
        _ => status.ToString().ToLowerInvariant(),
    };
}
