namespace SlaFunctions.Notices.Hooks;

/// <summary>How one delivery to a webhook endpoint ended.</summary>
public enum HookOutcome
{
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Worth trying again later: 408, 429, 5xx, no answer in time, or no connection.</summary>
    Transient,

    /// <summary>Any other answer (4xx, a redirect, 410 Gone): the same request will not fare better.</summary>
    Refused,
}
