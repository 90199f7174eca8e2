namespace SlaFunctions.Notices.Email.Acs;

/// <summary>What the service said was wrong.</summary>
internal sealed record AcsError(string? Code, string? Message);
