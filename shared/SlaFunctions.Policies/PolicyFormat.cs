namespace SlaFunctions.Policies;

/// <summary>How a policy document is written.</summary>
public enum PolicyFormat
{
    /// <summary>YAML (<c>.yaml</c>, <c>.yml</c>).</summary>
    Yaml,

    /// <summary>JSON (<c>.json</c>): the same document.</summary>
    Json,
}
