namespace SlaFunctions.Notices.Email.Acs;

/// <summary>The <c>content</c> of a send.</summary>
internal sealed record AcsContent(string Subject, string PlainText, string Html);
