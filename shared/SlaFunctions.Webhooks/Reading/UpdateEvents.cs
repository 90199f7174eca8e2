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

    public UpdateEvents(ToolVocabulary vocabulary) => _vocabulary = vocabulary;

    /// <summary>The events so far, in the order added.</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    /// <summary>The notes so far.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The severity <paramref name="priority"/> maps to. When none, notes it if <paramref name="noteIfNone"/>:
    /// only where the delivery sets the severity (an opening, a snapshot), so a reply does not repeat the note.</summary>
    public string? SeverityOf(string? priority, bool noteIfNone = true)
    {
        var (severity, note) = _vocabulary.Severity(priority);
        if (noteIfNone && note is not null && !_notes.Contains(note))
        {
            _notes.Add(note);
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

    /// <summary>Adds a status change.</summary>
    public void StatusChange(Instant? at, CaseStatus? status)
    {
        if (status is { } value && at is { } when)
        {
            _events.Add(CaseEvent.StatusChange(when, value));
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
}
