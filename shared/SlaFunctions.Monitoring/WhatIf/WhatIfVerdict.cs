namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>One target of one case whose verdict the draft changes.</summary>
public sealed record WhatIfVerdict
{
    /// <summary>The target's name.</summary>
    public required string Target { get; init; }

    /// <summary><c>met</c>, <c>breached</c> or <c>pending</c> (anything undecided) under the loaded policy; null when it
    /// has no such target for the case.</summary>
    public string? Before { get; init; }

    /// <summary>The same under the draft.</summary>
    public string? After { get; init; }
}
