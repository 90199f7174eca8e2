using NodaTime;

namespace SlaFunctions.Webhooks.Signatures;

/// <summary>How far a signed timestamp may lie from now before a correctly signed delivery counts as a replay.</summary>
/// <param name="Clock">Where "now" comes from; a fake clock in tests.</param>
/// <param name="Past">How old a signed timestamp may be, inclusive.</param>
/// <param name="Future">How far ahead of our clock it may be, inclusive (the sender's clock may run fast).</param>
public sealed record ReplayWindow(IClock Clock, Duration Past, Duration Future)
{
    /// <summary>The usual window: five minutes either way, as Zendesk's and Standard Webhooks' guidance says.</summary>
    public static ReplayWindow FiveMinutes(IClock clock) => new(clock, Duration.FromMinutes(5), Duration.FromMinutes(5));

    /// <summary>Null when <paramref name="signedAt"/> is inside the window; otherwise the refusal naming
    /// <paramref name="header"/>.</summary>
    internal SignatureCheck? Refusal(Instant signedAt, string header)
    {
        var now = Clock.GetCurrentInstant();
        if (signedAt < now - Past)
        {
            return SignatureCheck.Refused(SignatureProblem.Stale,
                $"{header} {signedAt} is older than {Past.TotalMinutes:0} minutes; a replayed delivery, or the sender's clock is wrong.");
        }
        if (signedAt > now + Future)
        {
            return SignatureCheck.Refused(SignatureProblem.Stale,
                $"{header} {signedAt} is more than {Future.TotalMinutes:0} minutes ahead of our clock; check the sender's clock.");
        }
        return null;
    }
}
