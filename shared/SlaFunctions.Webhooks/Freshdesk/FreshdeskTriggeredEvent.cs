namespace SlaFunctions.Webhooks.Freshdesk;

/// <summary>Freshdesk's <c>{{triggered_event}}</c>: pseudo-JSON with unquoted keys, such as <c>{ticket_action:created}</c>,
/// <c>{status:{from:4,to:6}}</c> or <c>{note_type:private}</c>. It names only the first property that changed.</summary>
/// <param name="Name">The first key, e.g. <c>status</c>.</param>
/// <param name="Value">What follows it: <c>created</c>, or <c>{from:4,to:6}</c>.</param>
internal sealed record FreshdeskTriggeredEvent(string Name, string Value)
{
    /// <summary>Reads <paramref name="text"/>; null when it is not <c>{key:value}</c>.</summary>
    public static FreshdeskTriggeredEvent? Parse(string text)
    {
        var inner = text.Trim();
        if (inner.Length < 2 || inner[0] != '{' || inner[^1] != '}')
        {
            return null;
        }
        inner = inner[1..^1];
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : new FreshdeskTriggeredEvent(inner[..colon].Trim(), inner[(colon + 1)..].Trim());
    }

    /// <summary>The value after <c>to:</c> in <c>{from:4,to:6}</c>, or null.</summary>
    public string? To()
    {
        var at = Value.IndexOf("to:", StringComparison.Ordinal);
        return at < 0 ? null : new string(Value[(at + 3)..].TakeWhile(c => c is not (',' or '}')).ToArray()).Trim();
    }
}
