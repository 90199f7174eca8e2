using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.ServiceNow;

/// <summary>ServiceNow incidents, kind <c>servicenow</c>, sent by an after business rule on <c>incident</c> (insert,
/// or update when state, priority, assigned_to, comments or work_notes change) through
/// <c>RESTMessageV2.executeAsync()</c>, signed by <see cref="ServiceNowSignatureScheme"/>.</summary>
/// <remarks>
/// <para><b>Body</b> (every value from <c>getValue()</c>, so codes rather than localised labels):</para>
/// <code>
/// { "source": "servicenow", "operation": current.operation(), "sys_id": current.getUniqueValue(),
///   "number": "INC0010042", "version": current.getValue('sys_mod_count'), "state": "3",
///   "hold_reason": current.hold_reason.getDisplayValue(), "priority": "2", "title": short_description,
///   "caller_email": current.caller_id.email, "company": current.company.getDisplayValue(),
///   "assigned_to": current.assigned_to.email, "channel": current.getValue('contact_type'),
///   "url": gs.getProperty('glide.servlet.uri') + current.getLink(true),
///   "opened_at": utc(current.getValue('opened_at')), "updated_at": utc(current.getValue('sys_updated_on')),
///   "comment_by": current.comments.changes() ? ('customer' or 'agent') : null,
///   "work_note": current.work_notes.changes() }
/// </code>
/// <para><b>Times</b>: <c>getValue()</c> gives <c>2026-01-05 12:40:00</c>, UTC but with no zone marker, while display
/// values use the session user's zone and format, so the same instant arrives differently per user. The rule must send
/// <c>utc(v) = v.replace(' ', 'T') + 'Z'</c>; a time without an offset is refused, never guessed. Every event is
/// placed at <c>updated_at</c>; the opening at <c>opened_at</c>.</para>
/// <para><b>Events</b>: each delivery is a snapshot (an async rule has no <c>previous</c>), so it yields the current
/// status and severity; the engine ignores repeats. <c>operation</c> <c>insert</c> (or, without it, version
/// <c>0</c>) is the opening. <c>comment_by</c> (Additional comments, which the caller sees) is an agent or customer
/// reply; <c>work_note: true</c> is an internal note.</para>
/// <para><b>Statuses</b>: the hold reason is looked up first, so On Hold / Awaiting Caller is pending (the customer
/// wait); then the state: 1 New, 2 In Progress → open; 3 On Hold → onHold; 6 Resolved → solved; 7 Closed,
/// 8 Canceled → closed (labels too). <b>Priorities</b>: 1–5 become critical, high, moderate, low, planning for the
/// policy's aliases, unless the connection maps them.</para>
/// <para><b>Delivery id</b>: <c>sys_id:version</c> (<c>sys_mod_count</c>), also the ordering key; else the body's hash.</para>
/// </remarks>
public sealed class ServiceNowAdapter : IWebhookAdapter
{
    internal static readonly IReadOnlyDictionary<string, CaseStatus> DefaultStatuses = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["Awaiting Caller"] = CaseStatus.Pending,
        ["1"] = CaseStatus.Open,
        ["2"] = CaseStatus.Open,
        ["3"] = CaseStatus.OnHold,
        ["6"] = CaseStatus.Solved,
        ["7"] = CaseStatus.Closed,
        ["8"] = CaseStatus.Closed,
        ["New"] = CaseStatus.Open,
        ["In Progress"] = CaseStatus.Open,
        ["On Hold"] = CaseStatus.OnHold,
        ["Resolved"] = CaseStatus.Solved,
        ["Closed"] = CaseStatus.Closed,
        ["Canceled"] = CaseStatus.Closed,
    };

    internal static readonly IReadOnlyDictionary<string, string> DefaultPriorities = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = "critical",
        ["2"] = "high",
        ["3"] = "moderate",
        ["4"] = "low",
        ["5"] = "planning",
    };

    /// <summary>Creates the adapter; signatures older or newer than five minutes by <paramref name="clock"/> are stale.</summary>
    public ServiceNowAdapter(IClock clock) => Signature = new ServiceNowSignatureScheme(ReplayWindow.FiveMinutes(clock));

    /// <inheritdoc />
    public string Kind => "servicenow";

    /// <inheritdoc />
    public ISignatureScheme Signature { get; }

    /// <inheritdoc />
    public WebhookParseResult Parse(WebhookRequest request, ConnectionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mapping);
        var vocabulary = new ToolVocabulary(mapping, DefaultStatuses, DefaultPriorities);
        return PayloadReader.Read(request.Body, body => Read(body, request, vocabulary));
    }

    private static WebhookParseResult? Read(PayloadReader body, WebhookRequest request, ToolVocabulary vocabulary)
    {
        var number = body.Id("number");
        var sysId = body.String("sys_id");
        var version = body.String("version");
        var operation = body.String("operation");
        var opened = operation is null ? version == "0" : operation.Equals("insert", StringComparison.OrdinalIgnoreCase);
        var openedAt = body.Time("opened_at", required: opened);
        var updatedAt = body.Time("updated_at", required: true);
        var priority = body.String("priority");
        var events = new UpdateEvents(vocabulary);
        var severity = events.SeverityOf(priority);
        var state = body.String("state", required: true);
        var status = vocabulary.Status(body.String("hold_reason")) ?? events.StatusOf(state);
        if (opened)
        {
            if (status is not CaseStatus.Open)
            {
                events.StatusChange(openedAt, status);
            }
        }
        else
        {
            events.StatusChange(updatedAt, status);
            events.SeverityChange(updatedAt, priority);
        }
        var commentBy = body.String("comment_by");
        switch (commentBy?.ToUpperInvariant())
        {
            case null:
                break;
            case "AGENT":
                events.Add(updatedAt, CaseEventType.AgentReply);
                break;
            case "CUSTOMER":
                events.Add(updatedAt, CaseEventType.CustomerReply);
                break;
            default:
                body.Problem("comment_by", $"'{commentBy}' is neither agent nor customer (or null when no comment was added).");
                break;
        }
        if (body.Bool("work_note") is true)
        {
            events.Add(updatedAt, CaseEventType.InternalNote);
        }
        if (body.HasProblems)
        {
            return null;
        }
        return WebhookParseResult.Accepted(new CaseUpdate
        {
            Source = "servicenow",
            ExternalId = number!,
            // sys_mod_count rises with every write, so sys_id:version names one state of one record, retries included.
            DeliveryId = sysId is not null && version is not null ? $"{sysId}:{version}" : DeliveryId.Hash(request.Body),
            Opened = opened,
            OpenedAt = openedAt,
            UpdatedAt = updatedAt,
            Title = body.String("title"),
            Url = body.String("url") ?? vocabulary.Mapping.TicketUrl(number!),
            Assignee = body.String("assigned_to"),
            Requester = body.String("caller_email"),
            Organization = body.String("company"),
            Tier = FieldText.Of(body, vocabulary.Mapping.TierField),
            Channel = body.String("channel"),
            Priority = priority,
            Severity = severity,
            Events = events.Events,
            Notes = events.Notes,
            Unmapped = events.Unmapped,
        });
    }
}
