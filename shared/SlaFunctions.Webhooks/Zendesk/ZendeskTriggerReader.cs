using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;

namespace SlaFunctions.Webhooks.Zendesk;

/// <summary>Reads a Zendesk trigger body in the <c>slafunctions.zendesk.v1</c> shape (see <see cref="ZendeskAdapter"/>).</summary>
internal static class ZendeskTriggerReader
{
    public static WebhookParseResult? Read(PayloadReader body, WebhookRequest request, ToolVocabulary vocabulary)
    {
        var name = body.String("event", required: true);
        if (name is null)
        {
            return null;
        }
        if (name is not ("ticket.created" or "ticket.changed" or "comment.public" or "comment.private"))
        {
            return WebhookParseResult.Ignored($"Zendesk trigger event '{name}' is not tracked.");
        }
        var ticket = body.Object("ticket", required: true);
        if (ticket is null)
        {
            return null;
        }
        var id = ticket.Id("id");
        var openedAt = ticket.Time("created_at", required: name == "ticket.created");
        var updatedAt = ticket.Time("updated_at", required: name != "ticket.created");
        var priority = ticket.String("priority");
        var events = new UpdateEvents(vocabulary);
        var severity = events.SeverityOf(priority, noteIfNone: name is "ticket.created" or "ticket.changed");
        var status = events.StatusOf(ticket.String("status", required: name == "ticket.changed"));
        switch (name)
        {
            case "ticket.created":
                // A ticket can be created already pending (an agent opening it on a customer's behalf).
                if (status is not CaseStatus.Open)
                {
                    events.StatusChange(openedAt, status);
                }
                // Team targets: the group ({{ticket.group.name}}) that takes it; a body without the field says nothing.
                events.GroupChange(openedAt, ticket.Has("group"), ticket.String("group"));
                break;
            case "ticket.changed":
                // A snapshot: the current state, which the engine ignores where it is unchanged.
                events.StatusChange(updatedAt, status);
                events.SeverityChange(updatedAt, priority);
                events.GroupChange(updatedAt, ticket.Has("group"), ticket.String("group"));
                break;
            default:
                events.Add(updatedAt, CommentType(body, ticket, isPublic: name == "comment.public"));
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
            DeliveryId = DeliveryIdOf(request),
            Opened = name == "ticket.created",
            OpenedAt = openedAt,
            UpdatedAt = updatedAt,
            Title = ticket.String("title"),
            Url = ticket.String("url") ?? vocabulary.Mapping.TicketUrl(id!),
            Assignee = ticket.String("assignee_email"),
            Requester = ticket.String("requester_email") ?? ticket.String("requester_id"),
            Organization = ticket.String("organization"),
            Tier = FieldText.Of(ticket, vocabulary.Mapping.TierField),
            Channel = ticket.String("channel"),
            Priority = priority,
            Severity = severity,
            Events = events.Events,
            Notes = events.Notes,
            Unmapped = events.Unmapped,
        });
    }

    private static CaseEventType CommentType(PayloadReader body, PayloadReader ticket, bool isPublic)
    {
        var actor = body.Object("actor", required: true);
        var role = actor?.String("role", required: true);
        var byRequester = actor?.String("id") is { } actorId && actorId == ticket.String("requester_id");
        bool? agent = role?.ToUpperInvariant() switch
        {
            null => null,
            _ when byRequester => false,
            "END-USER" or "END USER" or "ENDUSER" => false,
            "AGENT" or "ADMIN" or "ADMINISTRATOR" or "LIGHT AGENT" => true,
            _ => null,
        };
        if (agent is null && role is not null)
        {
            actor!.Problem("role", $"'{role}' is not a Zendesk role; send {{{{current_user.role}}}} (End-user, Agent or Admin).");
        }
        return agent is true ? (isPublic ? CaseEventType.AgentReply : CaseEventType.InternalNote) : CaseEventType.CustomerReply;
    }

    // Zendesk signs the timestamp and the body, never the invocation id headers: a replay with a new invocation id
    // must not double an event, so the id is the signed body's hash. Two identical bodies (same event, ticket, actor
    // and minute) would place the same event at the same minute, so counting them once loses nothing.
    private static string DeliveryIdOf(WebhookRequest request) => DeliveryId.Hash(request.Body);
}
