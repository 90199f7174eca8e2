namespace SlaFunctions.Notices.Templates;

/// <summary>One notice rendered for one audience: the parts of an email, before it is addressed.</summary>
/// <param name="Subject">One line, with no control characters.</param>
/// <param name="Html">The HTML part: a whole document with inline styles.</param>
/// <param name="Text">The plain-text part, with the same facts as the HTML part.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text);
