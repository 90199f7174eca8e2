using System.Globalization;
using System.Text;
using NodaTime;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>Compares the engine with the reference on one case and names the kind of any difference, so that
/// differences can be told apart (a "family") and reported once each.</summary>
internal static class ReferenceComparison
{
    /// <summary>How far past the as-of instant escalation points are listed.</summary>
    public static readonly Duration Lookahead = Duration.FromDays(14);

    /// <summary>The minutes the reference may walk for <paramref name="story"/>: from two days before opening to 46
    /// days after its as-of instant (14 days of listed points and a margin for dues beyond them).</summary>
    public static MinuteWindow WindowFor(CaseDescription story) =>
        new(story.OpenedAt - Duration.FromDays(2), (int)(story.AsOf - story.OpenedAt + Duration.FromDays(2 + 14 + 30)).TotalMinutes);

    /// <summary>Null when the target states agree; else (family, explanation).</summary>
    public static (IReadOnlyList<string> Families, string Text)? States(CaseDescription story)
    {
        var expected = Sorted(new ReferenceClock(story, WindowFor(story)).StateAt(story.AsOf));
        var actual = Sorted(story.EngineClock().StateAt(story.AsOf).Targets.Select(ReferenceTargetStatus.Of));
        if (expected.SequenceEqual(actual))
        {
            return null;
        }
        var family = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in expected.Select(t => t.Name).Union(actual.Select(t => t.Name)))
        {
            var e = expected.FirstOrDefault(t => t.Name == name);
            var a = actual.FirstOrDefault(t => t.Name == name);
            if (e == a)
            {
                continue;
            }
            family.Add(e is null ? $"{Kind(name)}: engine lists it ({a!.State}), reference does not"
                : a is null ? $"{Kind(name)}: reference lists it ({e.State}), engine does not"
                : $"{Kind(name)}: engine {a.State} vs reference {e.State}{(a.State == e.State ? " (" + Fields(a, e) + ")" : "")}");
        }
        return (family.Select(f => $"states{Changes(story)} | {f}").ToList(), Describe("target states", actual, expected));
    }

    /// <summary>Null when the target states also agree at each instant where the reference says something happens
    /// (a due, a breach, a point) and a minute before it: the edges a random as-of instant seldom hits.</summary>
    public static (IReadOnlyList<string> Families, string Text)? StatesAtEdges(CaseDescription story)
    {
        var reference = new ReferenceClock(story, WindowFor(story));
        var edges = reference.StateAt(story.AsOf)
            .SelectMany(t => new[] { t.DueAt, t.BreachedAt, t.MetAt })
            .OfType<Instant>()
            .Concat(reference.EscalationsBetween(story.AsOf, story.OpenedAt - Duration.Epsilon, story.AsOf + Duration.FromDays(2)).Select(p => p.At))
            .Where(at => at > story.OpenedAt && at.ToUnixTimeTicks() % NodaConstants.TicksPerMinute == 0)
            .Distinct()
            .Take(6)
            .SelectMany(at => new[] { at, at - Duration.FromMinutes(1) });
        foreach (var edge in edges)
        {
            if (States(story with { AsOf = edge }) is { } difference)
            {
                return ([.. difference.Families.Select(f => f.Replace("states", "states at an edge", StringComparison.Ordinal))],
                    $"as of {PreviewRequest.Time(edge)}:{Environment.NewLine}{difference.Text}");
            }
        }
        return null;
    }

    /// <summary>Null when the escalation points agree (and the engine's keys are unique); else (family, explanation).</summary>
    public static (IReadOnlyList<string> Families, string Text)? Points(CaseDescription story)
    {
        var after = story.OpenedAt - Duration.Epsilon;
        var until = story.AsOf + Lookahead;
        var expected = Ordered(new ReferenceClock(story, WindowFor(story)).EscalationsBetween(story.AsOf, after, until));
        var actual = Ordered(EnginePoints(story, story.AsOf));
        var repeated = actual.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            return (["points | engine repeats a key"], $"The engine lists keys more than once: {string.Join(", ", repeated)}{Environment.NewLine}{Describe("escalation points", actual, expected)}");
        }
        if (expected.SequenceEqual(actual))
        {
            return null;
        }
        // The run start in a key is compared on its own, so a key format without it is one family, not all of them.
        var family = new SortedSet<string>(StringComparer.Ordinal);
        var expectedPlain = Ordered(expected.Select(p => p with { Key = WithoutRunStart(p.Key) }));
        var actualPlain = Ordered(actual.Select(p => p with { Key = WithoutRunStart(p.Key) }));
        if (actual.Any(p => p.Key.Split('/').Length != 4))
        {
            family.Add("keys without the run start (target/rule/k)");
        }
        else if (expectedPlain.SequenceEqual(actualPlain))
        {
            family.Add("same points, other run starts in keys");
        }
        // A point on a target whose state already differs is a consequence of that difference, not a family of its own.
        var differing = DifferingTargets(story);
        string Family(string key, string what)
        {
            var target = key.Split('/')[0];
            return differing.Contains(target) ? $"on a target whose state differs ({Kind(target)})" : $"{RuleOf(story, key)}: {what}";
        }
        var byKey = expectedPlain.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.At).ToList());
        var engineByKey = actualPlain.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.At).ToList());
        var expectedSet = expectedPlain.ToHashSet();
        var actualSet = actualPlain.ToHashSet();
        foreach (var point in actualPlain.Where(p => !expectedSet.Contains(p)))
        {
            family.Add(Family(point.Key, byKey.ContainsKey(point.Key) ? "same rule and k, engine also at another instant" : "engine-only point"));
        }
        foreach (var point in expectedPlain.Where(p => !actualSet.Contains(p)))
        {
            family.Add(Family(point.Key, engineByKey.ContainsKey(point.Key) ? "same rule and k, reference also at another instant" : "reference-only point"));
        }
        if (family.Count == 0)
        {
            family.Add("same points, listed another number of times");
        }
        return (family.Select(f => $"points{Changes(story)} | {f}").ToList(), Describe("escalation points", actual, expected));
    }

    /// <summary>Null when every point fired by the first as-of instant is still listed, same key and instant, as the
    /// history grows; else (family, explanation).</summary>
    public static (IReadOnlyList<string> Families, string Text)? Growth(GrowingCase grown)
    {
        var story = grown.Story;
        var fired = EnginePoints(story, story.AsOf).Where(p => p.At <= story.AsOf).ToList();
        var later = EnginePoints(grown.Grown, grown.LaterAsOf);
        var lost = fired.Where(p => !later.Contains(p)).ToList();
        if (lost.Count == 0)
        {
            return null;
        }
        return ([.. lost.Select(p => "growth | fired point lost: " + RuleOf(story, p.Key)).Distinct()],
            $"Points fired by {PreviewRequest.Time(story.AsOf)} are gone or moved at {PreviewRequest.Time(grown.LaterAsOf)}: "
            + string.Join("; ", lost.Select(p => $"{p.Key} at {PreviewRequest.Time(p.At)}"))
            + $"{Environment.NewLine}later listing: {string.Join("; ", later.Select(p => $"{p.Key} at {PreviewRequest.Time(p.At)}"))}");
    }

    // Whether the severity changed by the as-of instant: most differences while the engine is being fixed come from
    // severity changes, so families are told apart by it.
    private static string Changes(CaseDescription story) =>
        new ReferenceTimeline(story, story.AsOf).Severities.Count > 1 ? " with severity changes" : "";

    private static HashSet<string> DifferingTargets(CaseDescription story)
    {
        var expected = new ReferenceClock(story, WindowFor(story)).StateAt(story.AsOf);
        var actual = story.EngineClock().StateAt(story.AsOf).Targets.Select(ReferenceTargetStatus.Of).ToList();
        return [.. expected.Select(t => t.Name).Union(actual.Select(t => t.Name))
            .Where(name => expected.FirstOrDefault(t => t.Name == name) != actual.FirstOrDefault(t => t.Name == name))];
    }

    private static List<ReferencePoint> EnginePoints(CaseDescription story, Instant asOf) =>
        [.. story.EngineClock().EscalationsBetween(asOf, story.OpenedAt - Duration.Epsilon, asOf + Lookahead).Select(p => new ReferencePoint(p.Key, p.At))];

    private static string Kind(string target) => target is "notify" or "chase" ? "custom " + target : target;

    private static string RuleOf(CaseDescription story, string key)
    {
        var parts = key.Split('/');
        var rule = parts.Length > 1 ? story.Policy.Rules.FirstOrDefault(r => r.Id == parts[1]) : null;
        if (rule is null)
        {
            return "unknown rule";
        }
        var limited = rule.Severities.Length > 0 ? " limited to severities" : "";
        return rule.IsEvent ? $"event {rule.Kind}{limited}" : $"{Kind(rule.Target!)} clock rule{limited}";
    }

    private static string WithoutRunStart(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 4 ? $"{parts[0]}/{parts[1]}/{parts[3]}" : key;
    }

    private static string Fields(ReferenceTargetStatus engine, ReferenceTargetStatus reference)
    {
        var fields = new List<string>();
        if (engine.StartedAt != reference.StartedAt)
        {
            fields.Add("startedAt");
        }
        if (engine.DueAt != reference.DueAt)
        {
            fields.Add("dueAt");
        }
        if (engine.MetAt != reference.MetAt)
        {
            fields.Add("metAt");
        }
        if (engine.BreachedAt != reference.BreachedAt)
        {
            fields.Add("breachedAt");
        }
        if (engine.Remaining != reference.Remaining)
        {
            fields.Add("remaining");
        }
        return string.Join(",", fields);
    }

    private static List<ReferenceTargetStatus> Sorted(IEnumerable<ReferenceTargetStatus> targets) =>
        [.. targets.OrderBy(t => t.Name, StringComparer.Ordinal)];

    private static List<ReferencePoint> Ordered(IEnumerable<ReferencePoint> points) =>
        [.. points.OrderBy(p => p.At).ThenBy(p => p.Key, StringComparer.Ordinal)];

    private static string Describe<T>(string what, IEnumerable<T> engine, IEnumerable<T> reference)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"The engine's {what} differ from the reference's.");
        text.AppendLine("engine:");
        foreach (var item in engine)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {item}");
        }
        text.AppendLine("reference:");
        foreach (var item in reference)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {item}");
        }
        return text.ToString();
    }
}
