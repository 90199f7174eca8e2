using System.Security.Cryptography;

namespace SlaFunctions.Webhooks.Signatures;

/// <summary>Compares what a sender presented with what each secret should give, in constant time.</summary>
internal static class SecretComparison
{
    /// <summary>Checks <paramref name="presented"/> (one or more candidate signatures) against the value
    /// <paramref name="expectedFor"/> computes from each of <paramref name="secrets"/>; <paramref name="wrongDetail"/> is
    /// the refusal's detail when nothing matches.</summary>
    public static SignatureCheck Check(WebhookSecrets secrets, Func<string, byte[]> expectedFor, IReadOnlyList<byte[]> presented, string wrongDetail)
    {
        // Both secrets are always tried, so the time taken does not say which one (if either) matched.
        var current = MatchesAny(expectedFor(secrets.Current), presented);
        var previous = secrets.Previous is { } old && MatchesAny(expectedFor(old), presented);
        if (current)
        {
            return SignatureCheck.Valid();
        }
        return previous ? SignatureCheck.Valid(matchedPrevious: true) : SignatureCheck.Refused(SignatureProblem.Wrong, wrongDetail);
    }

    private static bool MatchesAny(byte[] expected, IReadOnlyList<byte[]> presented)
    {
        var match = false;
        foreach (var candidate in presented)
        {
            match |= CryptographicOperations.FixedTimeEquals(expected, candidate);
        }
        return match;
    }
}
