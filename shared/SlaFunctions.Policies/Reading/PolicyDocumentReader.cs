using System.Text.Json.Nodes;
using SlaFunctions.Policies.Documents;
using static SlaFunctions.Policies.Reading.ShapeReader;

namespace SlaFunctions.Policies.Reading;

/// <summary>Walks a policy's JSON tree into a <see cref="PolicyDocument"/>, reporting every field of the wrong shape
/// and every unknown field with its path.</summary>
internal sealed class PolicyDocumentReader
{
    private readonly ShapeReader _shape;

    public PolicyDocumentReader(PolicyProblems problems) => _shape = new ShapeReader(problems);

    public PolicyDocument? Read(JsonNode? root)
    {
        if (_shape.Object(root, "", required: true) is not { } obj)
        {
            return null;
        }
        _shape.OnlyKnown(obj, "", "$schema", "id", "name", "description", "onSeverityChange", "pauseOn", "defaultSeverity",
            "channels", "calendars", "severities", "escalations");
        return new PolicyDocument
        {
            Id = _shape.Text(obj, "id", "", required: true),
            Name = _shape.Text(obj, "name", "", required: true),
            Description = _shape.Text(obj, "description", ""),
            OnSeverityChange = _shape.Text(obj, "onSeverityChange", ""),
            PauseOn = _shape.TextList(obj, "pauseOn", ""),
            DefaultSeverity = _shape.Text(obj, "defaultSeverity", ""),
            Channels = Map(obj, "channels", "", required: false, Channel),
            Calendars = Map(obj, "calendars", "", required: true, Calendar),
            Severities = List(obj, "severities", "", required: true, Severity, () => new SeverityDocument()),
            Escalations = List(obj, "escalations", "", required: false, Escalation, () => new EscalationDocument()),
        };
    }

    private ChannelDocument? Channel(JsonNode? node, string path)
    {
        if (_shape.Object(node, path, required: true) is not { } obj)
        {
            return null;
        }
        _shape.OnlyKnown(obj, path, "defaultSeverity");
        return new ChannelDocument { DefaultSeverity = _shape.Text(obj, "defaultSeverity", path) };
    }

    private CalendarDocument? Calendar(JsonNode? node, string path)
    {
        if (_shape.Object(node, path, required: true) is not { } obj)
        {
            return null;
        }
        _shape.OnlyKnown(obj, path, "timeZone", "hours", "holidays", "holidayRules", "holidaysFrom", "overrides", "complementOf");
        return new CalendarDocument
        {
            TimeZone = _shape.Text(obj, "timeZone", path),
            Hours = _shape.TextListMap(obj, "hours", path),
            Holidays = _shape.TextList(obj, "holidays", path) ?? [],
            HolidayRules = List(obj, "holidayRules", path, required: false, HolidayRule, () => new HolidayRuleDocument()),
            HolidaysFrom = _shape.Text(obj, "holidaysFrom", path),
            Overrides = _shape.TextListMap(obj, "overrides", path),
            ComplementOf = _shape.Text(obj, "complementOf", path),
        };
    }

    private HolidayRuleDocument? HolidayRule(JsonNode? node, string path)
    {
        if (_shape.Object(node, path, required: true) is not { } obj)
        {
            return null;
        }
        _shape.OnlyKnown(obj, path, "name", "month", "day", "weekday", "week", "relativeTo", "days", "observed");
        return new HolidayRuleDocument
        {
            Name = _shape.Text(obj, "name", path, required: true),
            Month = _shape.Text(obj, "month", path),
            Day = _shape.Integer(obj, "day", path),
            Weekday = _shape.Text(obj, "weekday", path),
            Week = _shape.Text(obj, "week", path),
            RelativeTo = _shape.Text(obj, "relativeTo", path),
            Days = _shape.Integer(obj, "days", path),
            Observed = _shape.Text(obj, "observed", path),
        };
    }

    private SeverityDocument? Severity(JsonNode? node, string path)
    {
        if (_shape.Object(node, path, required: true) is not { } obj)
        {
            return null;
        }
        _shape.OnlyKnown(obj, path, "id", "name", "aliases", "onWorkaround", "targets");
        string? onWorkaround = null;
        if (_shape.Object(obj["onWorkaround"], Child(path, "onWorkaround")) is { } workaround)
        {
            _shape.OnlyKnown(workaround, Child(path, "onWorkaround"), "severity");
            onWorkaround = _shape.Text(workaround, "severity", Child(path, "onWorkaround"), required: true);
        }
        var targets = new List<KeyValuePair<string, TargetDocument>>();
        if (_shape.Object(obj["targets"], Child(path, "targets")) is { } map)
        {
            foreach (var (name, value) in map)
            {
                if (Target(value, Child(Child(path, "targets"), name)) is { } target)
                {
                    targets.Add(new(name, target));
                }
            }
        }
        return new SeverityDocument
        {
            Id = _shape.Text(obj, "id", path, required: true),
            Name = _shape.Text(obj, "name", path, required: true),
            Aliases = _shape.TextList(obj, "aliases", path) ?? [],
            OnWorkaround = onWorkaround,
            Targets = targets,
        };
    }

    private TargetDocument? Target(JsonNode? node, string path)
    {
        if (_shape.Object(node, path, required: true) is not { } obj)
        {
            return null;
        }
        _shape.OnlyKnown(obj, path, "within", "businessDays", "every", "calendar", "startAfter", "stopOn", "startOn", "metBy", "internal", "team");
        return new TargetDocument
        {
            Within = _shape.Text(obj, "within", path),
            BusinessDays = _shape.Integer(obj, "businessDays", path),
            Every = _shape.Text(obj, "every", path),
            Calendar = _shape.Text(obj, "calendar", path),
            StartAfter = _shape.Text(obj, "startAfter", path),
            StopOn = _shape.TextList(obj, "stopOn", path) ?? [],
            StartOn = _shape.Text(obj, "startOn", path),
            MetBy = _shape.TextList(obj, "metBy", path) ?? [],
            Internal = _shape.Boolean(obj, "internal", path),
            Team = _shape.Text(obj, "team", path),
        };
    }

    private EscalationDocument? Escalation(JsonNode? node, string path)
    {
        if (_shape.Object(node, path, required: true) is not { } obj)
        {
            return null;
        }
        _shape.OnlyKnown(obj, path, "id", "target", "severities", "at", "every", "notify");
        EscalationAtDocument? at = null;
        var atPath = Child(path, "at");
        if (_shape.Object(obj["at"], atPath, required: true) is { } atObj)
        {
            _shape.OnlyKnown(atObj, atPath, "percent", "before", "breach", "after", "elapsed", "event");
            at = new EscalationAtDocument
            {
                Percent = _shape.Number(atObj, "percent", atPath),
                Before = _shape.Text(atObj, "before", atPath),
                Breach = _shape.Boolean(atObj, "breach", atPath),
                After = _shape.Text(atObj, "after", atPath),
                Elapsed = _shape.Text(atObj, "elapsed", atPath),
                Event = _shape.Text(atObj, "event", atPath),
            };
        }
        return new EscalationDocument
        {
            Id = _shape.Text(obj, "id", path),
            Target = _shape.Text(obj, "target", path),
            Severities = _shape.TextList(obj, "severities", path) ?? [],
            At = at,
            Every = _shape.Text(obj, "every", path),
            Notify = _shape.TextList(obj, "notify", path) ?? [],
        };
    }

    private Dictionary<string, T> Map<T>(JsonObject obj, string key, string path, bool required, Func<JsonNode?, string, T?> item)
        where T : class
    {
        var result = new Dictionary<string, T>();
        if (_shape.Object(obj[key], Child(path, key), required) is { } map)
        {
            foreach (var (name, value) in map)
            {
                if (item(value, Child(Child(path, key), name)) is { } read)
                {
                    result[name] = read;
                }
            }
        }
        return result;
    }

    private List<T> List<T>(JsonObject obj, string key, string path, bool required, Func<JsonNode?, string, T?> item, Func<T> empty)
        where T : class
    {
        var result = new List<T>();
        var at = Child(path, key);
        switch (obj[key])
        {
            case null when required:
                _shape.Object(null, at, required: true);
                break;
            case null:
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    // Keep positions aligned with the file, so rules report severities[2] for the third entry.
                    result.Add(item(array[i], Item(at, i)) ?? empty());
                }
                break;
            default:
                _shape.NotAList(at);
                break;
        }
        return result;
    }
}
