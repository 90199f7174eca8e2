namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>A notice (escalation point) one policy gives a case and the other does not.</summary>
public sealed record WhatIfNotice
{
    /// <summary>The point's key, <c>target/rule/runStart/occurrence</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The escalation rule's id.</summary>
    public required string Rule { get; init; }

    /// <summary>When it came (or comes) due, UTC.</summary>
    public required string At { get; init; }

    /// <summary>Who it tells: roles and addresses.</summary>
    public required IReadOnlyList<string> Notify { get; init; }
}
