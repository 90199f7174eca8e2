namespace SlaFunctions.Monitoring.Problems;

/// <summary>One bad field of a request: its JSON path and what to fix.</summary>
/// <param name="Path">E.g. <c>events[2].at</c> or <c>policy.severities[1].targets.update.every</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ProblemError(string Path, string Message)
{
    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
