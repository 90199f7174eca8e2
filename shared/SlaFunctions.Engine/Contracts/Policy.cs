using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Engine.Contracts;

/// <summary>One support contract: its calendars, severities and targets, and who is told when.</summary>
/// <remarks>Immutable; built by the policy reader after validation, so references between its parts are sound.</remarks>
public sealed record Policy
{
    /// <summary>Lowercase id, e.g. <c>lumenvox</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>A digest of the document and holiday files the policy was built from: it changes exactly when a
    /// change could move a due time, which is when open cases must be re-judged. Empty when unknown.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Calendars by name, including <c>24x7</c>.</summary>
    public required IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; init; }

    /// <summary>Statuses that pause <c>resolution</c>, <c>update</c> and <c>nextReply</c>.</summary>
    public IReadOnlySet<CaseStatus> PauseOn { get; init; } = new HashSet<CaseStatus> { CaseStatus.Pending };

    /// <summary>What a severity change does to targets not yet met.</summary>
    public SeverityChangeRule OnSeverityChange { get; init; } = SeverityChangeRule.FromStart;

    /// <summary>The severities, most severe first as written.</summary>
    public required IReadOnlyList<Severity> Severities { get; init; }

    /// <summary>Severity id for a ticket whose priority maps to none; null when the policy sets none.</summary>
    public string? DefaultSeverity { get; init; }

    /// <summary>Default severity id per channel (e.g. <c>email</c>), case-insensitive keys.</summary>
    public IReadOnlyDictionary<string, string> ChannelDefaults { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Escalation rules in policy order.</summary>
    public IReadOnlyList<EscalationRule> Escalations { get; init; } = [];

    /// <summary>The later versions of this contract in date order, each in force for cases opened from its date; set on
    /// the first version (the one a catalog holds), empty on the others and on a policy without versions.</summary>
    public IReadOnlyList<PolicyVersion> LaterVersions { get; init; } = [];

    /// <summary>The next later version that open cases move to (<c>appliesTo: openCases</c>), for a case judged by this
    /// version; null when none.</summary>
    public PolicyVersion? OpenCasesMoveTo { get; init; }

    /// <summary>The version a case opened at <paramref name="openedAt"/> is judged by: the last of
    /// <see cref="LaterVersions"/> in force at that instant, else this policy. It may move on to a later version through
    /// <see cref="OpenCasesMoveTo"/>.</summary>
    public Policy InForceAt(Instant openedAt)
    {
        var found = this;
        foreach (var version in LaterVersions)
        {
            if (version.EffectiveFrom > openedAt)
            {
                break;
            }
            found = version.Policy;
        }
        return found;
    }

    /// <summary>The severity whose id or alias is <paramref name="idOrAlias"/> (case-insensitive), or null.</summary>
    public Severity? FindSeverity(string? idOrAlias)
    {
        if (string.IsNullOrWhiteSpace(idOrAlias))
        {
            return null;
        }
        var name = idOrAlias.Trim();
        return Severities.FirstOrDefault(s => string.Equals(s.Id, name, StringComparison.OrdinalIgnoreCase))
            ?? Severities.FirstOrDefault(s => s.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The severity a case gets when nothing names one: the channel's default, else the policy's, else null.</summary>
    public Severity? DefaultSeverityFor(string? channel)
    {
        if (channel is not null && ChannelDefaults.TryGetValue(channel, out var id))
        {
            return FindSeverity(id);
        }
        return FindSeverity(DefaultSeverity);
    }
}
