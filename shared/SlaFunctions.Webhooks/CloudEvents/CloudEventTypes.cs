namespace SlaFunctions.Webhooks.CloudEvents;

/// <summary>The one namespace of this service's CloudEvents types, both ways: what a tool sends us about a case
/// (<c>com.slafunctions.case.*</c>) and what we send about a target (<c>com.slafunctions.target.*</c>).</summary>
public static class CloudEventTypes
{
    /// <summary>The prefix of every type, inbound and outbound.</summary>
    public const string Prefix = "com.slafunctions.";

    /// <summary>Inbound: a thing that happened to a case, e.g. <c>com.slafunctions.case.agentReplied</c>.</summary>
    public const string Case = Prefix + "case.";

    /// <summary>Outbound: the state a target entered, e.g. <c>com.slafunctions.target.breached</c>.</summary>
    public const string Target = Prefix + "target.";

    /// <summary>The inbound prefix before the two were made one; still accepted so existing senders keep working.</summary>
    public const string LegacyCase = "dev.slafunctions.case.";

    /// <summary>The case event name of an inbound <paramref name="type"/> (<c>agentReplied</c>), in either spelling;
    /// null when the type is not a case type of ours.</summary>
    public static string? CaseEventName(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.StartsWith(Case, StringComparison.Ordinal) ? type[Case.Length..]
            : type.StartsWith(LegacyCase, StringComparison.Ordinal) ? type[LegacyCase.Length..]
            : null;
    }
}
