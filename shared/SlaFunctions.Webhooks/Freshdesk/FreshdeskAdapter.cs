using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.Freshdesk;

/// <summary>Freshdesk automation rules with the <i>Trigger webhook</i> action, kind <c>freshdesk</c>.</summary>
/// <remarks>
/// <para><b>Rules and body</b>: one rule per SLA event (POST, JSON, content <i>Advanced</i>), each naming its event and
/// actor as literals, with the custom header <c>X-Sla-Secret</c> (Freshdesk signs nothing; see
/// <see cref="SharedSecretHeaderScheme"/>). Events: <c>ticket.created</c>, <c>agent.replied</c> (performer Agent, reply
/// sent), <c>customer.replied</c> (performer Requester), <c>note.private</c>, <c>note.public</c> (with an
/// <c>actor</c> of <c>agent</c> or <c>customer</c>), <c>status.changed</c>,
/// <c>priority.changed</c> and <c>ticket.updated</c> (fields only); any other is ignored.</para>
/// <code>
/// { "schema": "slafunctions.freshdesk.v1", "event": "customer.replied", "actor": "customer",
///   "ticket_id": "{{ticket.id}}", "subject": "{{ticket.subject}}", "url": "{{ticket.url}}",
///   "status": "{{ticket.status}}", "priority": "{{ticket.priority}}", "channel": "{{ticket.source}}",
///   "requester_email": "{{ticket.requester.email}}", "company": "{{ticket.company.name}}",
///   "agent_email": "{{ticket.agent.email}}", "triggered_event": "{{triggered_event}}" }
/// </code>
/// <para>Also read: the widely used <c>{"freshdesk_webhook": {…}}</c> body with <c>ticket_</c>-prefixed names and no
/// <c>event</c>, where the event comes from <c>triggered_event</c> (<c>{ticket_action:created}</c>,
/// <c>{status:{from:4,to:6}}</c>, <c>{priority:{…}}</c>, <c>{note_type:private}</c>); a public note there needs an
/// <c>actor</c>, since the body does not say who wrote it.</para>
/// <para><b>Times</b>: Freshdesk has no placeholder with an offset (<c>{{ticket.created_on}}</c> renders in the
/// helpdesk's zone with none), so events are placed at <see cref="WebhookRequest.ReceivedAt"/>, and a
/// <c>created_at</c> or <c>updated_at</c> in the body is used only when it has an offset (refused otherwise). Freshdesk
/// retries 5, 30 and 60 minutes after a failure, and a retried delivery is placed at its own, later, receipt time, so
/// treat the delivery as a hint and re-read the ticket through the API.</para>
/// <para><b>Statuses</b>: labels (placeholders render labels) and codes: Open/2 → open, Pending/3 and Waiting on
/// Customer → pending, Waiting on Third Party → onHold, Resolved/4 → solved, Closed/5 → closed; custom statuses (ids
/// from 6) go in the connection's map. <b>Priorities</b>: labels pass through; codes 1–4 become Low, Medium, High,
/// Urgent.</para>
/// <para><b>Delivery id</b>: Freshdesk sends none and its bodies carry no time, so a retry and a genuinely repeated
/// event (an agent's second reply) are the same bytes. The id is the body's hash within a 10-minute window
/// (<see cref="DeliveryId.Windowed"/>): a repeat within 10 minutes is a duplicate (a double send, the 5-minute retry of
/// a delivery whose answer was lost), one 20 minutes or more later a new event.</para>
/// </remarks>
public sealed class FreshdeskAdapter : IWebhookAdapter
{
    /// <summary>Our body's <c>schema</c> value.</summary>
    public const string Schema = "slafunctions.freshdesk.v1";

    internal static readonly IReadOnlyDictionary<string, CaseStatus> DefaultStatuses = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["Open"] = CaseStatus.Open,
        ["2"] = CaseStatus.Open,
        ["Pending"] = CaseStatus.Pending,
        ["3"] = CaseStatus.Pending,
        ["Waiting on Customer"] = CaseStatus.Pending,
        ["Waiting on Third Party"] = CaseStatus.OnHold,
        ["Resolved"] = CaseStatus.Solved,
        ["4"] = CaseStatus.Solved,
        ["Closed"] = CaseStatus.Closed,
        ["5"] = CaseStatus.Closed,
    };

    internal static readonly IReadOnlyDictionary<string, string> DefaultPriorities = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = "Low",
        ["2"] = "Medium",
        ["3"] = "High",
        ["4"] = "Urgent",
    };

    /// <inheritdoc />
    public string Kind => "freshdesk";

    /// <inheritdoc />
    public ISignatureScheme Signature { get; } = new SharedSecretHeaderScheme();

    /// <inheritdoc />
    public WebhookParseResult Parse(WebhookRequest request, ConnectionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mapping);
        var vocabulary = new ToolVocabulary(mapping, DefaultStatuses, DefaultPriorities);
        return PayloadReader.Read(request.Body, body => Read(body.Object("freshdesk_webhook") ?? body, request, vocabulary));
    }

    private static WebhookParseResult? Read(PayloadReader ticket, WebhookRequest request, ToolVocabulary vocabulary)
    {
        var triggered = ticket.String("triggered_event") is { } text ? FreshdeskTriggeredEvent.Parse(text) : null;
        var name = ticket.String("event") ?? EventOf(ticket, triggered);
        if (name is null)
        {
            return null;
        }
        if (name is not ("ticket.created" or "agent.replied" or "customer.replied" or "note.private" or "note.public"
            or "status.changed" or "priority.changed" or "ticket.updated"))
        {
            return WebhookParseResult.Ignored($"Freshdesk event '{name}' is not tracked.");
        }
        var id = ticket.Id("ticket_id");
        var at = ticket.Time("updated_at") ?? request.ReceivedAt;
        var openedAt = name == "ticket.created" ? ticket.Time("created_at") ?? at : ticket.Time("created_at");
        var priority = Text(ticket, "priority", "ticket_priority");
        var events = new UpdateEvents(vocabulary);
        var severity = events.SeverityOf(priority, noteIfNone: name == "ticket.created");
        var status = Text(ticket, "status", "ticket_status");
        var statusField = ticket.Has("status") ? "status" : "ticket_status";
        switch (name)
        {
            case "ticket.created":
                var opening = events.StatusOf(status);
                if (opening is not null and not CaseStatus.Open)
                {
                    events.StatusChange(openedAt, opening);
                }
                break;
            case "status.changed":
                // The label shows the new status; the triggered event's code is the fallback for an unmapped custom label.
                if (status is null && triggered?.To() is null)
                {
                    ticket.Problem(statusField, "is required for a status change; add {{ticket.status}} to the rule's body.");
                }
                events.StatusChange(at, vocabulary.Status(status) ?? vocabulary.Status(triggered?.To())
                    ?? events.StatusOf(status ?? triggered?.To()));
                break;
            case "priority.changed":
                events.SeverityChange(at, priority ?? triggered?.To());
                break;
            case "agent.replied":
                events.Add(at, CaseEventType.AgentReply);
                break;
            case "customer.replied":
                events.Add(at, CaseEventType.CustomerReply);
                break;
            case "note.private":
                events.Add(at, CaseEventType.InternalNote);
                break;
            case "note.public":
                events.Add(at, ReplyBy(ticket));
                break;
        }
        if (ticket.HasProblems)
        {
            return null;
        }
        var (deliveryId, earlier) = DeliveryId.Windowed(request.Body, request.ReceivedAt);
        return WebhookParseResult.Accepted(new CaseUpdate
        {
            Source = "freshdesk",
            ExternalId = id!,
            DeliveryId = deliveryId,
            EarlierDeliveryIds = [earlier],
            Opened = name == "ticket.created",
            OpenedAt = openedAt,
            Title = Text(ticket, "subject", "ticket_subject"),
            Url = Text(ticket, "url", "ticket_url") ?? vocabulary.Mapping.TicketUrl(id!),
            Assignee = ticket.String("agent_email"),
            Requester = ticket.String("requester_email"),
            Organization = ticket.String("company"),
            Tier = FieldText.Of(ticket, vocabulary.Mapping.TierField),
            Channel = ticket.String("channel"),
            Priority = priority,
            Severity = severity,
            Events = events.Events,
            Notes = events.Notes,
            Unmapped = events.Unmapped,
        });
    }

    // Without our literal event, the triggered event says what happened; the unknown kinds become ignored events.
    private static string? EventOf(PayloadReader ticket, FreshdeskTriggeredEvent? triggered)
    {
        if (triggered is null)
        {
            ticket.Problem("event", "is required (or a triggered_event such as {status:{from:4,to:6}}); name the rule's event as the SLA docs show.");
            return null;
        }
        return (triggered.Name, triggered.Value) switch
        {
            ("ticket_action", "created") => "ticket.created",
            ("status", _) => "status.changed",
            ("priority", _) => "priority.changed",
            ("note_type", "private") => "note.private",
            ("note_type", "public") => "note.public",
            _ => $"{triggered.Name}:{triggered.Value}",
        };
    }

    private static CaseEventType ReplyBy(PayloadReader ticket)
    {
        switch (ticket.String("actor")?.ToUpperInvariant())
        {
            case "AGENT":
                return CaseEventType.AgentReply;
            case "CUSTOMER":
                return CaseEventType.CustomerReply;
            default:
                ticket.Problem("actor", "must be agent or customer: a public note does not say who wrote it, so add \"actor\" to the rule's body.");
                return CaseEventType.CustomerReply;
        }
    }

    private static string? Text(PayloadReader ticket, string name, string wrapperName) => ticket.String(name) ?? ticket.String(wrapperName);
}
