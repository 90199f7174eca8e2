using NodaTime;

namespace SlaFunctions.Engine.Clocks;

/// <summary>A case's opening and everything that happened on it, in time order whatever the delivery order.</summary>
public sealed class CaseHistory
{
    /// <summary>Creates a history. Events are ordered by <see cref="CaseEvent.At"/>; events with the same instant keep
    /// the order given. An event before the opening counts as happening at the opening.</summary>
    /// <exception cref="ArgumentException">A status event without a status or a severity event without a severity.</exception>
    public CaseHistory(Instant openedAt, string severity, IEnumerable<CaseEvent>? events = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(severity);
        OpenedAt = openedAt;
        Severity = severity;
        var list = (events ?? []).Select(e => e.At < openedAt ? e with { At = openedAt } : e).ToList();
        foreach (var e in list)
        {
            if (e.Type == CaseEventType.Status && e.Status is null)
            {
                throw new ArgumentException($"The status event at {e.At} has no status.", nameof(events));
            }
            if (e.Type == CaseEventType.Severity && string.IsNullOrWhiteSpace(e.Severity))
            {
                throw new ArgumentException($"The severity event at {e.At} has no severity.", nameof(events));
            }
        }
        // OrderBy is stable, so simultaneous events keep their given order.
        Events = [.. list.OrderBy(e => e.At)];
    }

    /// <summary>When the case was opened; every clock that starts "at opening" starts here.</summary>
    public Instant OpenedAt { get; }

    /// <summary>The severity id or alias the case was opened with.</summary>
    public string Severity { get; }

    /// <summary>The events in time order.</summary>
    public IReadOnlyList<CaseEvent> Events { get; }
}
