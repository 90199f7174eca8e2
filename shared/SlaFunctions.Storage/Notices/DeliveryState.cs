namespace SlaFunctions.Storage.Notices;

/// <summary>Where one notice stands with one recipient.</summary>
public enum DeliveryState
{
    /// <summary>A sender claimed it and is sending it now (or died doing so: the claim's lease then runs out).</summary>
    Sending,

    /// <summary>Held until the recipient's working hours.</summary>
    Held,

    /// <summary>The mail system failed for now; tried again later.</summary>
    Waiting,

    /// <summary>Handed to the mail system. Final.</summary>
    Sent,

    /// <summary>Refused for good, or failed too often: set aside where the API shows it. Final until replayed.</summary>
    Poison,
}
