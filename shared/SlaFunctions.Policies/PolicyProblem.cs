namespace SlaFunctions.Policies;

/// <summary>One thing wrong with a policy document: where, and how to fix it.</summary>
/// <param name="Path">The field, as <c>severities[1].targets.update.every</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PolicyProblem(string Path, string Message)
{
    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
