namespace SlaFunctions.Webhooks;

/// <summary>One thing wrong with a delivery: where, and how the sender's configuration should change to fix it.</summary>
/// <param name="Path">The JSON path in the body, as <c>issue.fields.created</c>, or <c>header X-GitHub-Event</c> for a
/// header; empty for the whole body.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record WebhookProblem(string Path, string Message)
{
    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
