using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Policies.Reading;
using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>Reads a preview request body (spec: preview-api.md), reporting every bad field with its JSON path.</summary>
public static class PreviewRequestReader
{
    private static readonly string[] Known = ["policy", "policyId", "severity", "channel", "openedAt", "asOf", "events"];
    private static readonly string[] EventTypes = ["agentReply", "customerReply", "status", "severity", "workaround", "eta", "internalNote", "group"];

    /// <summary>Reads <paramref name="body"/>; null and every problem in <paramref name="errors"/> when it is bad.</summary>
    public static PreviewRequest? Read(JsonNode? body, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body is not JsonObject obj)
        {
            errors.Add(new("", "the body must be a JSON object with policy or policyId, severity, openedAt and optional asOf and events."));
            return null;
        }
        foreach (var (key, _) in obj)
        {
            if (!Known.Contains(key, StringComparer.Ordinal))
            {
                errors.Add(new(key, $"is not a field of a preview request; use {string.Join(", ", Known)}."));
            }
        }
        var policy = obj["policy"];
        var policyId = Text(obj, "policyId", errors);
        if ((policy is null) == (policyId is null))
        {
            errors.Add(new("policy", "give exactly one of 'policy' (a whole policy document) and 'policyId' (a loaded policy's id)."));
        }
        else if (policy is not null && !InlinePolicy.IsReadable(policy))
        {
            errors.Add(new("policy", "must be a policy document (a JSON object), or its YAML text as a string."));
        }
        var severity = Text(obj, "severity", errors);
        var channel = Text(obj, "channel", errors);
        if (severity is null && channel is null)
        {
            errors.Add(new("severity", "is required; give a severity id or alias of the policy, e.g. \"1\" or \"critical\"."));
        }
        var openedAt = InstantField(obj, "openedAt", "", errors, required: true);
        var asOf = InstantField(obj, "asOf", "", errors, required: false);
        var events = Events(obj["events"], errors);
        if (errors.Count > 0 || openedAt is null)
        {
            return null;
        }
        return new PreviewRequest
        {
            Policy = policy,
            PolicyId = policyId,
            Severity = severity,
            Channel = channel,
            OpenedAt = openedAt.Value,
            AsOf = asOf,
            Events = events,
        };
    }

    private static List<PreviewEvent> Events(JsonNode? node, List<ProblemError> errors)
    {
        var events = new List<PreviewEvent>();
        if (node is null)
        {
            return events;
        }
        if (node is not JsonArray array)
        {
            errors.Add(new("events", "must be a list of events such as { \"at\": \"2026-03-06T14:20:00Z\", \"type\": \"agentReply\" }."));
            return events;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"events[{i}]";
            if (array[i] is not JsonObject item)
            {
                errors.Add(new(path, "must be an object with 'at' and 'type'."));
                continue;
            }
            var at = InstantField(item, "at", path, errors, required: true);
            var type = Text(item, "type", errors, path);
            if (type is null)
            {
                errors.Add(new($"{path}.type", $"is required; use one of {string.Join(", ", EventTypes)}."));
                continue;
            }
            if (at is null)
            {
                continue;
            }
            CaseEvent? read = type switch
            {
                "agentReply" => CaseEvent.AgentReply(at.Value),
                "customerReply" => CaseEvent.CustomerReply(at.Value),
                "workaround" => new CaseEvent { At = at.Value, Type = CaseEventType.Workaround },
                "eta" => new CaseEvent { At = at.Value, Type = CaseEventType.Eta },
                "internalNote" => new CaseEvent { At = at.Value, Type = CaseEventType.InternalNote },
                // The assignee group now holding the case; a missing or empty group means none does.
                "group" => CaseEvent.GroupChange(at.Value, item["group"] is JsonValue g && g.TryGetValue<string>(out var name) ? name : null),
                "status" => StatusEvent(item, at.Value, path, errors),
                "severity" => Text(item, "severity", errors, path) is { } s
                    ? CaseEvent.SeverityChange(at.Value, s)
                    : Missing(errors, $"{path}.severity", "is required for a severity event; give the new severity id or alias."),
                _ => Missing(errors, $"{path}.type", $"'{type}' is not an event type; use one of {string.Join(", ", EventTypes)}."),
            };
            if (read is not null)
            {
                events.Add(new PreviewEvent(i, read));
            }
        }
        return events;
    }

    private static CaseEvent? StatusEvent(JsonObject item, NodaTime.Instant at, string path, List<ProblemError> errors)
    {
        var status = Text(item, "status", errors, path);
        if (status is not null && PolicyWords.Statuses.TryGetValue(status, out var value))
        {
            return CaseEvent.StatusChange(at, value);
        }
        var statuses = string.Join(", ", PolicyWords.Statuses.Keys);
        return Missing(errors, $"{path}.status", status is null ? $"is required for a status event; use one of {statuses}." : $"'{status}' is not a status; use one of {statuses}.");
    }

    private static CaseEvent? Missing(List<ProblemError> errors, string path, string message)
    {
        errors.Add(new(path, message));
        return null;
    }

    private static NodaTime.Instant? InstantField(JsonObject obj, string key, string path, List<ProblemError> errors, bool required)
    {
        var at = path.Length == 0 ? key : $"{path}.{key}";
        var text = Text(obj, key, errors, path);
        if (text is null)
        {
            if (required && obj[key] is null)
            {
                errors.Add(new(at, "is required; write an ISO-8601 instant with an offset, e.g. 2026-03-06T14:00:00Z."));
            }
            return null;
        }
        if (InstantText.TryParse(text, out var instant, out var error))
        {
            return instant;
        }
        errors.Add(new(at, error));
        return null;
    }

    private static string? Text(JsonObject obj, string key, List<ProblemError> errors, string path = "")
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    return value.GetValue<string>();
                case JsonValueKind.Number when key is "severity":
                    // A severity id written as a number ("severity": 1) names the same severity as "1".
                    return value.TryGetValue<long>(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : null;
            }
        }
        errors.Add(new(path.Length == 0 ? key : $"{path}.{key}", "must be a string."));
        return null;
    }
}
