namespace SlaFunctions.Notices.Email.Acs;

/// <summary>One recipient: <c>{address, displayName?}</c>.</summary>
internal sealed record AcsAddress(string Address, string? DisplayName);
