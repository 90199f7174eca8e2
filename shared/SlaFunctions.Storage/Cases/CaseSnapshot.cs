using NodaTime;

namespace SlaFunctions.Storage.Cases;

/// <summary>A case's row: who and what it is, and its clocks as last evaluated, for listing without replaying.</summary>
public sealed record CaseSnapshot
{
    /// <summary>The case's key.</summary>
    public required CaseKey Key { get; init; }

    /// <summary>The policy that covers the case: the one the connection chose for its customer when it opened, or
    /// after a change of organisation, the new customer's.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The customer the case is for: the organisation the tool named, or the connection's customer. Null on
    /// rows written before cases kept their customer, whose customer is the connection's.</summary>
    public string? Customer { get; init; }

    /// <summary>When the case opened.</summary>
    public required Instant OpenedAt { get; init; }

    /// <summary>The severity id it opened with.</summary>
    public required string OpenedSeverity { get; init; }

    /// <summary>The severity id now.</summary>
    public string? Severity { get; init; }

    /// <summary>The ticket's subject.</summary>
    public string? Title { get; init; }

    /// <summary>A link back to the ticket.</summary>
    public string? Url { get; init; }

    /// <summary>The assignee's address or name.</summary>
    public string? Assignee { get; init; }

    /// <summary>The customer contact's address or name.</summary>
    public string? Requester { get; init; }

    /// <summary>The channel the case came in by, e.g. <c>email</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>The tool's last-modified time of the delivery that last set <see cref="Title"/>, <see cref="Url"/>,
    /// <see cref="Assignee"/>, <see cref="Requester"/> and <see cref="Channel"/>; a delivery modified earlier (a late
    /// retry) does not overwrite them. Null until a delivery says.</summary>
    public Instant? FieldsAsOf { get; init; }

    /// <summary>The ticket's status now, as the engine names it.</summary>
    public string? Status { get; init; }

    /// <summary>Values of the ticket the connection could not map (e.g. <c>status: Awaiting parts</c>,
    /// <c>priority: P9</c>), kept until a later delivery maps that field; empty when everything mapped.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>The earliest due instant among running targets; null when nothing runs.</summary>
    public Instant? NextDueAt { get; init; }

    /// <summary>The earliest instant a running target is at risk (its run's first warning point, the same instant as
    /// the webhooks' <c>atRisk</c>); null when no running target has a warning before its due.</summary>
    public Instant? AtRiskAt { get; init; }

    /// <summary>The next instant the sweep must look at the case (a due or an escalation point); null for none.</summary>
    public Instant? NextCheckAt { get; init; }

    /// <summary>True when some target is breached.</summary>
    public bool Breached { get; init; }

    /// <summary>The targets as last evaluated; empty before the first evaluation.</summary>
    public IReadOnlyList<TargetRecord> Targets { get; init; } = [];

    /// <summary>When the clocks were last evaluated.</summary>
    public Instant? EvaluatedAt { get; init; }

    /// <summary>How many commits the case has had.</summary>
    public long Version { get; init; }
}
