namespace SlaFunctions.Policies.Building;

/// <summary>The years yearly holiday rules and recurring <c>.ics</c> events are expanded over. The engine's calendars
/// hold concrete dates; a span this wide means a policy never runs out of holidays in practice.</summary>
public static class HolidaySpan
{
    /// <summary>The first year expanded.</summary>
    public const int FirstYear = 2000;

    /// <summary>The last year expanded.</summary>
    public const int LastYear = 2100;
}
