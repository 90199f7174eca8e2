namespace SlaFunctions.Notices.Email.Acs;

/// <summary>The body of <c>POST /emails:send</c>.</summary>
internal sealed record AcsSendRequest(string SenderAddress, AcsRecipients Recipients, AcsContent Content, bool UserEngagementTrackingDisabled);
