using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Monitoring.Examples;

/// <summary>Runs one example through the preview calculation and lists where the answer differs from the expectation;
/// an empty list is a pass.</summary>
public static class PolicyExampleRun
{
    /// <summary>The differences between <paramref name="example"/>'s expectation and <paramref name="policy"/>'s answer.</summary>
    public static IReadOnlyList<string> Differences(Policy policy, PolicyExample example)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(example);
        var request = example.Request.DeepClone().AsObject();
        request["policyId"] = policy.Id;
        var errors = new List<ProblemError>();
        if (request["asOf"] is null)
        {
            errors.Add(new("asOf", "is required in an example, so its answer does not depend on when it is run."));
        }
        var preview = errors.Count == 0 ? PreviewRequestReader.Read(request, errors) : null;
        var response = preview is null ? null : PreviewCalculator.Calculate(policy, preview, Instant.MinValue, errors);
        if (response is null)
        {
            return [.. errors.Select(e => $"{e.Path}: {e.Message}")];
        }
        var actual = JsonSerializer.SerializeToNode(response, MonitoringJsonContext.Default.PreviewResponse)!.AsObject();
        var differences = new List<string>();
        foreach (var (key, want) in example.Expect)
        {
            switch (key)
            {
                case "targets":
                    differences.AddRange(Targets(want as JsonObject, actual["targets"]!.AsArray()));
                    break;
                case "escalations":
                    differences.AddRange(Escalations(want as JsonArray, actual["escalations"]!.AsArray()));
                    break;
                case "noEscalation":
                    differences.AddRange(NoEscalation(want as JsonArray, actual["escalations"]!.AsArray()));
                    break;
                default:
                    differences.AddRange(ExpectedJson.Differences(new JsonObject { [key] = want?.DeepClone() }, actual, "expect"));
                    break;
            }
        }
        return differences;
    }

    private static IEnumerable<string> Targets(JsonObject? expected, JsonArray actual)
    {
        if (expected is null)
        {
            yield return "expect.targets: must be a map of target name to the fields it must have.";
            yield break;
        }
        foreach (var (name, want) in expected)
        {
            var got = actual.OfType<JsonObject>().SingleOrDefault(t => (string?)t["name"] == name);
            if (want is null)
            {
                if (got is not null)
                {
                    yield return $"targets.{name}: expected no such target, got one ({ExpectedJson.Text(got["state"])}, due {ExpectedJson.Text(got["dueAt"])})";
                }
                continue;
            }
            if (got is null)
            {
                yield return $"targets.{name}: expected the target, got none (the severity has {string.Join(", ", actual.Select(t => (string?)t!["name"]))})";
                continue;
            }
            foreach (var difference in ExpectedJson.Differences(want.AsObject(), got, $"targets.{name}"))
            {
                yield return difference;
            }
        }
    }

    private static IEnumerable<string> Escalations(JsonArray? expected, JsonArray actual)
    {
        if (expected is null)
        {
            yield return "expect.escalations: must be a list of points, each with the fields it must have (rule, at, notify, fired...; absent: true for none).";
            yield break;
        }
        foreach (var written in expected.OfType<JsonObject>())
        {
            // "absent: true" turns the item round: no point may match the other fields.
            var want = written.DeepClone().AsObject();
            var absent = want.Remove("absent") && (bool?)written["absent"] == true;
            var found = actual.OfType<JsonObject>().Where(p => ExpectedJson.Matches(want, p)).ToList();
            if (absent)
            {
                if (found.Count > 0)
                {
                    yield return $"escalations: expected no point like {want.ToJsonString()}, got one at {ExpectedJson.Text(found[0]["at"])}";
                }
                continue;
            }
            if (found.Count > 0)
            {
                continue;
            }
            var rule = (string?)want["rule"];
            var same = actual.OfType<JsonObject>().Where(p => rule is null || (string?)p["rule"] == rule)
                .Select(p => $"{p["at"]} {ExpectedJson.Text(p["notify"])}{((bool?)p["fired"] == true ? "" : " (not yet)")}").ToList();
            yield return $"escalations: expected {want.ToJsonString()}, got {(same.Count == 0 ? "no point of that rule" : string.Join("; ", same))}";
        }
    }

    private static IEnumerable<string> NoEscalation(JsonArray? rules, JsonArray actual)
    {
        foreach (var rule in rules?.Select(r => ExpectedJson.Text(r)) ?? [])
        {
            var points = actual.OfType<JsonObject>().Where(p => (string?)p["rule"] == rule).Select(p => ExpectedJson.Text(p["at"])).ToList();
            if (points.Count > 0)
            {
                yield return $"noEscalation: expected no point of {rule}, got {string.Join(", ", points)}";
            }
        }
    }
}
