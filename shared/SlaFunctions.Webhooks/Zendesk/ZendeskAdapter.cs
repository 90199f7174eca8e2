using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.Zendesk;

/// <summary>Zendesk webhooks, kind <c>zendesk</c>: trigger bodies in our documented shape, and Zendesk's own ticket
/// event subscriptions.</summary>
/// <remarks>
/// <para><b>Trigger bodies</b> (the default integration: triggers let the body carry emails and names). Create a JSON
/// webhook and, for each SLA event, a trigger whose body names the event as a literal, so the receiver never infers it:
/// <c>ticket.created</c> (condition <i>Ticket is Created</i>), <c>ticket.changed</c> (<i>Ticket is Updated</i>; the body
/// is a snapshot, so it yields the current status and severity), <c>comment.public</c> (<i>Comment is Public</i>) and
/// <c>comment.private</c> (<i>Comment is Private</i>). In a comment trigger <c>current_user</c> is the commenter. Any
/// other event is ignored. Body:</para>
/// <code>
/// { "schema": "slafunctions.zendesk.v1", "event": "comment.public",
///   "ticket": { "id": "{{ticket.id}}", "title": "{{ticket.title}}", "url": "{{ticket.link}}",
///     "priority": "{{ticket.priority}}", "status": "{{ticket.status}}", "channel": "{{ticket.via}}",
///     "created_at": "{{ticket.created_at_with_timestamp}}", "updated_at": "{{ticket.updated_at_with_timestamp}}",
///     "requester_id": "{{ticket.requester.id}}", "requester_email": "{{ticket.requester.email}}",
///     "organization": "{{ticket.organization.name}}", "assignee_email": "{{ticket.assignee.email}}" },
///   "actor": { "id": "{{current_user.id}}", "role": "{{current_user.role}}" } }
/// </code>
/// <para>Leave free text (description, comment body) out: quotes or newlines in it break the JSON. Times come from the
/// <c>_with_timestamp</c> placeholders: UTC, to the minute (<c>2026-01-05T08:12Z</c>); the plain ones are date-only
/// text and are refused. Every event of a trigger body is placed at <c>updated_at</c>, so two updates in one minute
/// tie. A commenter is the customer when <c>actor.id</c> equals <c>requester_id</c> or the role is <c>End-user</c>,
/// and an agent for <c>Agent</c> or <c>Admin</c>.</para>
/// <para><b>Event subscriptions</b> (<c>zen:event-type:ticket.*</c>): <c>created</c>, <c>status_changed</c>,
/// <c>priority_changed</c> and <c>comment_added</c> are read, placed at the envelope's <c>time</c>; other ticket events
/// are ignored. They carry ids, not emails, and no link (set <see cref="ConnectionMapping.TicketUrlTemplate"/>). A
/// comment by staff is an agent reply when public and an internal note when private; a comment by anyone else is a
/// customer reply, public or not (chat transcripts arrive private).</para>
/// <para><b>Delivery id</b>: an event's signed envelope <c>id</c>; for triggers the signed body's hash, never the
/// <c>x-zendesk-webhook-invocation-id</c> header, which Zendesk does not sign (a replay under a new invocation id would
/// double an event). Identical trigger bodies (same event, ticket, actor and minute) count once: they would place the
/// same event at the same minute.</para>
/// <para><b>Default statuses</b>: new and open → open, pending → pending, hold/on-hold → onHold, solved → solved,
/// closed → closed; custom statuses go in the connection's map. A status no map knows leaves the case's status as it
/// was and is noted on the case; the rest of the delivery applies (Zendesk never retries a 4xx). Priorities (Low, Normal, High, Urgent) pass through
/// for the policy's aliases; an empty priority maps to no severity.</para>
/// </remarks>
public sealed class ZendeskAdapter : IWebhookAdapter
{
    /// <summary>The trigger body's <c>schema</c> value.</summary>
    public const string TriggerSchema = "slafunctions.zendesk.v1";

    internal static readonly IReadOnlyDictionary<string, CaseStatus> DefaultStatuses = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["new"] = CaseStatus.Open,
        ["open"] = CaseStatus.Open,
        ["pending"] = CaseStatus.Pending,
        ["hold"] = CaseStatus.OnHold,
        ["on-hold"] = CaseStatus.OnHold,
        ["on hold"] = CaseStatus.OnHold,
        ["solved"] = CaseStatus.Solved,
        ["closed"] = CaseStatus.Closed,
    };

    /// <summary>Creates the adapter; signatures older or newer than five minutes by <paramref name="clock"/> are stale.</summary>
    public ZendeskAdapter(IClock clock) => Signature = new ZendeskSignatureScheme(ReplayWindow.FiveMinutes(clock));

    /// <inheritdoc />
    public string Kind => "zendesk";

    /// <inheritdoc />
    public ISignatureScheme Signature { get; }

    /// <inheritdoc />
    public WebhookParseResult Parse(WebhookRequest request, ConnectionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mapping);
        var vocabulary = new ToolVocabulary(mapping, DefaultStatuses);
        if (ZendeskTestDelivery.Matches(request.Body))
        {
            return WebhookParseResult.Ignored(ZendeskTestDelivery.Reason);
        }
        return PayloadReader.Read(request.Body, body =>
        {
            if (body.String("schema") == TriggerSchema)
            {
                return ZendeskTriggerReader.Read(body, request, vocabulary);
            }
            if (body.String("type") is { } type && type.StartsWith(ZendeskEventReader.TypePrefix, StringComparison.Ordinal))
            {
                return ZendeskEventReader.Read(body, type, vocabulary);
            }
            body.Problem("schema", $"the body is neither a trigger body with \"schema\": \"{TriggerSchema}\" nor a Zendesk "
                + "ticket event (\"type\": \"zen:event-type:ticket.…\"); set the webhook's trigger body as the SLA docs show.");
            return null;
        });
    }
}
