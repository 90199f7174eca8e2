using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>How engine values are written at the interface: camelCase words as in the spec.</summary>
public static class PreviewWords
{
    /// <summary><c>notStarted</c>, <c>running</c>, ...</summary>
    public static string State(TargetState state) => CamelCase(state.ToString());

    /// <summary><c>open</c>, <c>pending</c>, <c>onHold</c>, ...</summary>
    public static string Status(CaseStatus status) => CamelCase(status.ToString());

    /// <summary>An enum name with its first letter lowered.</summary>
    public static string CamelCase(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
