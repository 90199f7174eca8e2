namespace SlaFunctions.Policies.Documents;

/// <summary>The <c>at</c> of an escalation rule: exactly one of its properties is set.</summary>
public sealed record EscalationAtDocument
{
    /// <summary>Share of the goal used, above 0.</summary>
    public double? Percent { get; init; }

    /// <summary>Open time before due.</summary>
    public string? Before { get; init; }

    /// <summary>True: at due.</summary>
    public bool? Breach { get; init; }

    /// <summary>Open time after due.</summary>
    public string? After { get; init; }

    /// <summary>Open time used since the clock started.</summary>
    public string? Elapsed { get; init; }

    /// <summary><c>opened</c> or <c>severityRaised</c>.</summary>
    public string? Event { get; init; }

    /// <summary>How many of the properties are set.</summary>
    public int Count => (Percent is null ? 0 : 1) + (Before is null ? 0 : 1) + (Breach is null ? 0 : 1)
        + (After is null ? 0 : 1) + (Elapsed is null ? 0 : 1) + (Event is null ? 0 : 1);
}
