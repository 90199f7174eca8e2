namespace SlaFunctions.Notices.Templates;

/// <summary>A notice rendered for one reader.</summary>
/// <param name="Subject">One line, no control characters.</param>
/// <param name="Html">The HTML part.</param>
/// <param name="Text">The plain-text part.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text);
