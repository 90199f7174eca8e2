namespace SlaFunctions.Webhooks.Signatures;

/// <summary>Why a delivery's signature was refused. Every one is answered 401: a retry would fail the same way.</summary>
public enum SignatureProblem
{
    /// <summary>A header the scheme needs is absent: the sender has no secret configured, or is not the tool.</summary>
    Missing,

    /// <summary>A header is present but not in the scheme's format (not hex, wrong prefix, unknown method).</summary>
    Malformed,

    /// <summary>Well-formed, but matches neither secret: a wrong secret or a body changed on the way.</summary>
    Wrong,

    /// <summary>Correctly signed, but its signed timestamp is outside the replay window: a replay, or a wrong clock.</summary>
    Stale,
}
