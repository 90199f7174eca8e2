namespace SlaFunctions.Notices.Email.Acs;

/// <summary>The body of a refused request: <c>{"error":{"code":…,"message":…}}</c>.</summary>
internal sealed record AcsErrorResponse(AcsError? Error);
