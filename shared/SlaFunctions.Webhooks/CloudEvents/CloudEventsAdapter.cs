using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.CloudEvents;

/// <summary>Any other tool, kind <c>cloudevents</c>: CloudEvents 1.0 over HTTP, one event per request, in structured
/// mode (<c>Content-Type: application/cloudevents+json</c>, the whole event in the body) or binary mode (attributes
/// in <c>ce-*</c> headers, <c>data</c> as the body). Batches are refused.</summary>
/// <remarks>
/// <para><b>Attributes</b>: <c>specversion</c> <c>1.0</c>, <c>id</c>, <c>source</c> and <c>type</c> as the spec
/// requires; our profile also requires <c>subject</c> (the case's external id) and <c>time</c> (RFC 3339 with
/// <c>Z</c> or an offset; the event is placed there).</para>
/// <para><b>Types</b> (one per thing that happens to a case; any type outside <c>com.slafunctions.case.</c> is
/// ignored, and an unknown one inside it is refused as a likely typo):</para>
/// <list type="table">
/// <item><term><c>com.slafunctions.case.opened</c></term><description>The case opened; at <c>data.openedAt</c>, else
/// <c>time</c>. <c>data.priority</c> gives its severity, <c>data.status</c> its status when not open.</description></item>
/// <item><term><c>com.slafunctions.case.agentReplied</c></term><description>A public reply by an agent.</description></item>
/// <item><term><c>com.slafunctions.case.customerReplied</c></term><description>A reply by the customer.</description></item>
/// <item><term><c>com.slafunctions.case.internalNote</c></term><description>A note the customer does not see.</description></item>
/// <item><term><c>com.slafunctions.case.statusChanged</c></term><description><c>data.status</c> (required): open,
/// pending, onHold, solved, closed, or a tool status in the connection's map. Solved or closed is a solution; a
/// change back to open is a reopening.</description></item>
/// <item><term><c>com.slafunctions.case.priorityChanged</c></term><description><c>data.priority</c> (required),
/// mapped to a severity through the connection.</description></item>
/// <item><term><c>com.slafunctions.case.workaround</c></term><description>A workaround was given.</description></item>
/// <item><term><c>com.slafunctions.case.eta</c></term><description>An ETA for the fix was given.</description></item>
/// </list>
/// <para><b>data</b> (an object, all optional unless stated above): <c>title</c>, <c>url</c>, <c>assignee</c>,
/// <c>requester</c> (an email, or <c>{ "email", "org" }</c>), <c>organization</c>, <c>channel</c>, <c>priority</c>,
/// <c>status</c>, <c>openedAt</c>, <c>updatedAt</c>. Example:</para>
/// <code>
/// { "specversion": "1.0", "type": "com.slafunctions.case.agentReplied", "source": "https://desk.acme.example/cases",
///   "id": "c-42-evt-0007", "time": "2026-01-05T09:01:10+01:00", "subject": "C-42",
///   "datacontenttype": "application/json", "data": { "title": "Sync stalls", "assignee": "bo@vendor.example" } }
/// </code>
/// <para><b>Signature</b>: Standard Webhooks (<see cref="StandardWebhooksSignatureScheme"/>); a sender that cannot sign
/// may be given <see cref="SharedSecretHeaderScheme.Bearer"/> instead. <b>Delivery id</b>: <c>source</c>, a space and
/// <c>id</c>, since the spec makes only the pair unique.</para>
/// </remarks>
public sealed class CloudEventsAdapter : IWebhookAdapter
{
    /// <summary>The prefix of our event types.</summary>
    public const string TypePrefix = CloudEventTypes.Case;

    internal static readonly IReadOnlyDictionary<string, CaseStatus> DefaultStatuses = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["open"] = CaseStatus.Open,
        ["pending"] = CaseStatus.Pending,
        ["onHold"] = CaseStatus.OnHold,
        ["on-hold"] = CaseStatus.OnHold,
        ["solved"] = CaseStatus.Solved,
        ["closed"] = CaseStatus.Closed,
    };

    private static readonly string[] Types = ["opened", "agentReplied", "customerReplied", "internalNote", "statusChanged", "priorityChanged", "workaround", "eta", "groupChanged"];

    /// <summary>Creates the adapter; signatures older or newer than five minutes by <paramref name="clock"/> are stale.</summary>
    public CloudEventsAdapter(IClock clock) => Signature = new StandardWebhooksSignatureScheme(ReplayWindow.FiveMinutes(clock));

    /// <inheritdoc />
    public string Kind => "cloudevents";

    /// <inheritdoc />
    public ISignatureScheme Signature { get; }

    /// <inheritdoc />
    public WebhookParseResult Parse(WebhookRequest request, ConnectionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mapping);
        if (request.ContentType?.StartsWith("application/cloudevents-batch", StringComparison.OrdinalIgnoreCase) is true)
        {
            return WebhookParseResult.Rejected([new WebhookProblem("header Content-Type", "batched mode is not accepted; send one event per request.")]);
        }
        var vocabulary = new ToolVocabulary(mapping, DefaultStatuses);
        if (request.Header("ce-specversion") is null)
        {
            return PayloadReader.Read(request.Body, body => Read(new CloudEventAttributes(body), body.Object("data"), vocabulary));
        }
        // Binary mode: a data-less event (a reply) may come with an empty body.
        var data = request.Body.IsEmpty ? "{}"u8.ToArray() : request.Body;
        return PayloadReader.Read(data, body => Read(new CloudEventAttributes(body, request), body, vocabulary));
    }

    private static WebhookParseResult? Read(CloudEventAttributes attributes, PayloadReader? data, ToolVocabulary vocabulary)
    {
        var specVersion = attributes.Required("specversion");
        var id = attributes.Required("id");
        var source = attributes.Required("source");
        var type = attributes.Required("type");
        if (type is null || specVersion is null)
        {
            return null;
        }
        if (specVersion != "1.0")
        {
            attributes.Problem("specversion", $"'{specVersion}' is not supported; send CloudEvents 1.0.");
            return null;
        }
        if (CloudEventTypes.CaseEventName(type) is not { } name)
        {
            return WebhookParseResult.Ignored($"CloudEvents type '{type}' is not tracked.");
        }
        if (!Types.Contains(name, StringComparer.Ordinal))
        {
            attributes.Problem("type", $"'{type}' is not one of ours; use {string.Join(", ", Types.Select(t => TypePrefix + t))}.");
            return null;
        }
        var subject = attributes.Required("subject");
        var at = attributes.Time("time");
        var events = new UpdateEvents(vocabulary);
        var priority = data?.String("priority", required: name == "priorityChanged");
        string? severity = null;
        if (priority is not null || name == "opened")
        {
            severity = events.SeverityOf(priority);
        }
        var openedAt = data?.Time("openedAt") ?? (name == "opened" ? at : null);
        // Only an opening or a status change is read for its status; on a reply it is just context.
        var status = data is not null && name is "opened" or "statusChanged"
            ? vocabulary.RequiredStatus(data, "status", data.String("status", required: name == "statusChanged"))
            : null;
        if (data is null && name is "statusChanged" or "priorityChanged")
        {
            attributes.Problem("data", $"is required for {type}.");
        }
        switch (name)
        {
            case "opened":
                if (status is not null and not CaseStatus.Open)
                {
                    events.StatusChange(openedAt, status);
                }
                break;
            case "statusChanged":
                events.StatusChange(at, status);
                break;
            case "priorityChanged":
                events.SeverityChange(at, priority);
                break;
            case "groupChanged":
                // Team targets: data.group is the assignee group now holding the case; absent or empty, none does.
                events.GroupChange(at, present: true, data?.String("group"));
                break;
            default:
                events.Add(at, TypeOf(name));
                break;
        }
        var (requester, organization) = RequesterOf(data);
        if (attributes.HasProblems)
        {
            return null;
        }
        return WebhookParseResult.Accepted(new CaseUpdate
        {
            Source = "cloudevents",
            ExternalId = subject!,
            DeliveryId = $"{source} {id}",
            Opened = name == "opened",
            OpenedAt = openedAt,
            UpdatedAt = data?.Time("updatedAt"),
            Title = data?.String("title"),
            Url = data?.String("url") ?? vocabulary.Mapping.TicketUrl(subject!),
            Assignee = data?.String("assignee"),
            Requester = requester,
            Organization = data?.String("organization") ?? organization,
            Tier = TierOf(attributes, data, vocabulary.Mapping.TierField),
            Channel = data?.String("channel"),
            Priority = priority,
            Severity = severity,
            Events = events.Events,
            Notes = events.Notes,
            Unmapped = events.Unmapped,
        });
    }

    // An extension attribute (ce-tier in binary mode) first, then the data field of that name.
    private static string? TierOf(CloudEventAttributes attributes, PayloadReader? data, string? field) =>
        field is null ? null : attributes.Optional(field.ToLowerInvariant()) ?? FieldText.Of(data, field);

    // The requester is an email, or an object with the email and the organisation.
    private static (string? Email, string? Organization) RequesterOf(PayloadReader? data) =>
        data?.Find("requester") is { ValueKind: JsonValueKind.Object }
            ? (data.String("requester.email"), data.String("requester.org"))
            : (data?.String("requester"), null);

    private static CaseEventType TypeOf(string name) => name switch
    {
        "agentReplied" => CaseEventType.AgentReply,
        "customerReplied" => CaseEventType.CustomerReply,
        "internalNote" => CaseEventType.InternalNote,
        "workaround" => CaseEventType.Workaround,
        "eta" => CaseEventType.Eta,
        _ => throw new UnreachableException($"'{name}' passed the type check but has no event type."),
    };
}
