using System.Collections.Concurrent;
using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Policies.Tests.Seeds;

/// <summary>The shipped seed policies, read from the copy of <c>policies/</c> in the test output, and the few
/// words the seed tests use to write a case: <c>Case(LumenVox, "2", "2026-03-06T23:30:00Z", Reply(...))</c>.</summary>
/// <remarks>Instants are written as ISO strings with an offset, as the preview API takes them, so a test reads like
/// the request a support manager would send.</remarks>
internal static class SeedPolicies
{
    /// <summary>The seed policy ids, one per file in <c>policies/</c>.</summary>
    public static readonly IReadOnlyList<string> Ids = ["lumenvox", "liveops", "lumedx", "lumedx-deluxe", "lumedx-premium", "xecuritas", "phonism"];

    private static readonly ConcurrentDictionary<string, Policy> Loaded = new(StringComparer.Ordinal);

    public static Policy LumenVox => Load("lumenvox");

    public static Policy LiveOps => Load("liveops");

    public static Policy Lumedx => Load("lumedx");

    public static Policy Xecuritas => Load("xecuritas");

    public static Policy Phonism => Load("phonism");

    /// <summary>Reads <c>policies/<paramref name="id"/>.yaml</c> as shipped, problems and all.</summary>
    public static PolicyReadResult Read(string id) =>
        PolicyReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "policies", id + ".yaml"));

    /// <summary>The seed policy <paramref name="id"/>; fails the test, listing every problem, when it does not load.</summary>
    public static Policy Load(string id) => Loaded.GetOrAdd(id, static key =>
    {
        var result = Read(key);
        return result.Policy ?? throw new InvalidOperationException(
            $"policies/{key}.yaml does not load: {string.Join("; ", result.Problems)}");
    });

    /// <summary>An ISO-8601 instant with an offset, e.g. <c>2026-03-06T23:30:00Z</c> or <c>2026-03-10T12:00:00-04:00</c>.</summary>
    public static Instant At(string iso) => OffsetDateTimePattern.ExtendedIso.Parse(iso).GetValueOrThrow().ToInstant();

    /// <summary>A case of <paramref name="policy"/> opened at <paramref name="openedAt"/> with
    /// <paramref name="severity"/> (an id or alias), and what happened on it since.</summary>
    public static CaseClock Case(Policy policy, string severity, string openedAt, params CaseEvent[] events) =>
        new(policy, new CaseHistory(At(openedAt), severity, events));

    /// <summary>The case's state at <paramref name="asOf"/>.</summary>
    public static CaseState StateAt(this CaseClock clock, string asOf) => clock.StateAt(At(asOf));

    /// <summary>The target named <paramref name="name"/>; fails when the severity has no such target.</summary>
    public static TargetStatus Target(this CaseState state, string name) =>
        state.Targets.SingleOrDefault(t => t.Name == name)
        ?? throw new InvalidOperationException($"Severity {state.Severity.Id} has no target '{name}'; it has {string.Join(", ", state.Targets.Select(t => t.Name))}.");

    /// <summary>The points of rule <paramref name="ruleId"/> in <c>(<paramref name="after"/>, <paramref name="until"/>]</c>,
    /// as the case stands at <paramref name="asOf"/>, in time order.</summary>
    public static IReadOnlyList<EscalationPoint> Points(this CaseClock clock, string ruleId, string asOf, string after, string until) =>
        [.. clock.EscalationsBetween(At(asOf), At(after), At(until)).Where(p => p.RuleId == ruleId)];

    /// <summary>The instants of <paramref name="points"/> as ISO strings, for comparing with a table.</summary>
    public static IReadOnlyList<string> Instants(this IEnumerable<EscalationPoint> points) =>
        [.. points.Select(p => InstantPattern.General.Format(p.At))];

    /// <summary>Who <paramref name="point"/> tells, as the policy writes the roles.</summary>
    public static IReadOnlyList<string> Told(this EscalationPoint point) => [.. point.Notify.Select(r => r.ToString())];

    /// <summary>One second before <paramref name="at"/>, so that a point at exactly <paramref name="at"/> (an event
    /// rule firing at the opening) falls in <c>(after, until]</c>.</summary>
    public static string JustBefore(string at) => InstantPattern.General.Format(At(at) - Duration.FromSeconds(1));

    /// <summary>A public reply by an agent.</summary>
    public static CaseEvent Reply(string at) => CaseEvent.AgentReply(At(at));

    /// <summary>A reply by the customer.</summary>
    public static CaseEvent CustomerReply(string at) => CaseEvent.CustomerReply(At(at));

    /// <summary>The ticket's status changes.</summary>
    public static CaseEvent Status(string at, CaseStatus status) => CaseEvent.StatusChange(At(at), status);

    /// <summary>The severity is raised or lowered to <paramref name="severity"/>.</summary>
    public static CaseEvent SeverityTo(string at, string severity) => CaseEvent.SeverityChange(At(at), severity);

    /// <summary>A workaround is given.</summary>
    public static CaseEvent Workaround(string at) => new() { At = At(at), Type = CaseEventType.Workaround };

    /// <summary>An ETA for the fix is given.</summary>
    public static CaseEvent Eta(string at) => new() { At = At(at), Type = CaseEventType.Eta };

    /// <summary>An internal note, e.g. "account management notified".</summary>
    public static CaseEvent InternalNote(string at) => new() { At = At(at), Type = CaseEventType.InternalNote };
}
