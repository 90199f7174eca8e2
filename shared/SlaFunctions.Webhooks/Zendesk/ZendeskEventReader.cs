using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;

namespace SlaFunctions.Webhooks.Zendesk;

/// <summary>Reads a Zendesk ticket event subscription payload (<c>zen:event-type:ticket.*</c>; see <see cref="ZendeskAdapter"/>).</summary>
internal static class ZendeskEventReader
{
    public const string TypePrefix = "zen:event-type:ticket.";

    public static WebhookParseResult? Read(PayloadReader body, string type, ToolVocabulary vocabulary)
    {
        var name = type[TypePrefix.Length..];
        if (name is not ("created" or "status_changed" or "priority_changed" or "comment_added"))
        {
            return WebhookParseResult.Ignored($"Zendesk event '{type}' is not tracked.");
        }
        var detail = body.Object("detail", required: true);
        var change = body.Object("event", required: true);
        var deliveryId = body.String("id", required: true);
        // The envelope's time is when the change happened, to the nanosecond; detail.updated_at is only to the second.
        var at = body.Time("time", required: true);
        if (detail is null || change is null)
        {
            return null;
        }
        var id = detail.Id("id");
        var openedAt = detail.Time("created_at", required: name == "created");
        var priority = detail.String("priority");
        var events = new UpdateEvents(vocabulary);
        var severity = events.SeverityOf(priority, noteIfNone: name == "created");
        switch (name)
        {
            case "created":
                var status = events.StatusOf(detail.String("status"));
                if (status is not CaseStatus.Open)
                {
                    events.StatusChange(openedAt, status);
                }
                break;
            case "status_changed":
                events.StatusChange(at, events.StatusOf(change.String("current", required: true)));
                break;
            case "priority_changed":
                // event.current may be null (priority removed): that maps to no severity, and is noted.
                events.SeverityChange(at, change.String("current"));
                break;
            default:
                var comment = change.Object("comment", required: true);
                var staff = comment?.Bool("author.is_staff");
                var isPublic = comment?.Bool("is_public");
                if (staff is null)
                {
                    comment?.Problem("author.is_staff", "is required to tell an agent's comment from a customer's.");
                }
                events.Add(at, staff is true ? (isPublic is true ? CaseEventType.AgentReply : CaseEventType.InternalNote) : CaseEventType.CustomerReply);
                break;
        }
        if (body.HasProblems)
        {
            return null;
        }
        return WebhookParseResult.Accepted(new CaseUpdate
        {
            Source = "zendesk",
            ExternalId = id!,
            DeliveryId = deliveryId!,
            Opened = name == "created",
            OpenedAt = openedAt,
            UpdatedAt = detail.Time("updated_at"),
            Title = detail.String("subject"),
            Url = vocabulary.Mapping.TicketUrl(id!),
            Assignee = detail.String("assignee_id"),
            Requester = detail.String("requester_id"),
            Organization = detail.String("organization_id"),
            Channel = detail.String("via.channel"),
            Priority = priority,
            Severity = severity,
            Events = events.Events,
            Notes = events.Notes,
            Unmapped = events.Unmapped,
        });
    }
}
