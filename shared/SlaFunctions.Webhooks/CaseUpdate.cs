using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Webhooks;

/// <summary>What one delivery says about one case: who and what it is, and the events to add to its history.</summary>
/// <remarks>Fields the delivery does not carry are null; a null never means "cleared". Snapshot sources (Zendesk
/// triggers, ServiceNow, Freshdesk status rules) report the current status and severity on every delivery, so their
/// events may repeat the case's present state; the engine treats a change to the same value as no change.</remarks>
public sealed record CaseUpdate
{
    /// <summary>The source kind, e.g. <c>zendesk</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The ticket's id in the tool: a Zendesk or Freshdesk ticket id, a Jira key (<c>SUP-42</c>), a ServiceNow
    /// number (<c>INC0010042</c>), <c>owner/repo#812</c> for GitHub, the CloudEvents <c>subject</c>.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The key that makes a retried delivery a duplicate: the tool's delivery id where it sends one, otherwise
    /// <c>sha256:</c> and the hex SHA-256 of the raw body. Scope it by connection when storing.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>Other ids under which this same delivery may have been recorded before (a windowed hash id's previous
    /// window, see <see cref="DeliveryId"/>): any of them in the case makes it a duplicate too. Usually empty.</summary>
    public IReadOnlyList<string> EarlierDeliveryIds { get; init; } = [];

    /// <summary>True when this delivery reports the case's opening (ticket created, issue opened).</summary>
    public bool Opened { get; init; }

    /// <summary>When the case was opened, where the delivery says; null otherwise.</summary>
    public Instant? OpenedAt { get; init; }

    /// <summary>The tool's last-modified time for the ticket, where the delivery says; use it to keep a late, older
    /// delivery from overwriting newer fields. Null otherwise.</summary>
    public Instant? UpdatedAt { get; init; }

    /// <summary>The ticket's title or subject; null when not sent.</summary>
    public string? Title { get; init; }

    /// <summary>A link back to the ticket in the tool; null when not sent.</summary>
    public string? Url { get; init; }

    /// <summary>The assignee, as the tool names them (email where sent, else login or account id); null when not sent.</summary>
    public string? Assignee { get; init; }

    /// <summary>The requester, as the tool names them (email where sent, else login or account id); null when not sent.</summary>
    public string? Requester { get; init; }

    /// <summary>The requester's organisation or company name; null when not sent.</summary>
    public string? Organization { get; init; }

    /// <summary>The customer's tier, read where the connection's <see cref="ConnectionMapping.TierField"/> says;
    /// null when not sent or not configured.</summary>
    public string? Tier { get; init; }

    /// <summary>The channel the ticket came in by, e.g. <c>email</c>, for a policy's per-channel default severity; null
    /// when not sent.</summary>
    public string? Channel { get; init; }

    /// <summary>The ticket's priority exactly as the tool wrote it; null when not sent or empty.</summary>
    public string? Priority { get; init; }

    /// <summary>The severity id or alias <see cref="Priority"/> maps to through the connection; null when it maps to
    /// none (see <see cref="Notes"/>): the caller then uses the policy's default and says so in the event history.</summary>
    public string? Severity { get; init; }

    /// <summary>The events, each placed at its own time. Empty when the delivery only changes fields (an assignment).</summary>
    public IReadOnlyList<CaseEvent> Events { get; init; } = [];

    /// <summary>Things the caller should record in the case's event history, e.g. that a priority maps to no severity.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The tool's values the connection could not map, each as <c>status: &lt;value&gt;</c> or
    /// <c>priority: &lt;value&gt;</c>, for the case to keep and show; empty when everything mapped.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>The entry <see cref="Unmapped"/> holds for <paramref name="value"/> of <paramref name="field"/>
    /// (<c>status</c> or <c>priority</c>): the field, a colon, a space and the trimmed value.</summary>
    public static string UnmappedEntry(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"{field}: {value.Trim()}";
    }
}
