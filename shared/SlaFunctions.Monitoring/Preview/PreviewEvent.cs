using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>One event of a preview request, read and checked, with its position for error paths.</summary>
/// <param name="Index">Its position in the request's <c>events</c>.</param>
/// <param name="Event">The engine event.</param>
public sealed record PreviewEvent(int Index, CaseEvent Event)
{
    /// <summary>When it happened.</summary>
    public Instant At => Event.At;
}
