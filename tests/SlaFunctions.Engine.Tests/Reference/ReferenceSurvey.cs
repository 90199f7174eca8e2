using System.Globalization;
using System.Text;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>For hunting families of differences: runs many cases without stopping at the first difference, groups the
/// differences by family and shrinks one example of each, failing if any shows. With <c>SLA_REFERENCE_SURVEY</c> naming a
/// file it runs <c>SLA_REFERENCE_CASES</c> cases and writes the report there (<c>SLA_REFERENCE_SURVEY=/tmp/survey.md SLA_REFERENCE_CASES=3000 dotnet test ... --filter
/// FullyQualifiedName~ReferenceSurvey</c>).</summary>
public sealed class ReferenceSurvey
{
    private readonly ITestOutputHelper _output;

    private static int Skipped { get; set; }

    public ReferenceSurvey(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Survey_WritesOneShrunkExamplePerFamily()
    {
        // Without a report file it still runs, on a few hundred cases, as one more check that no family shows.
        var path = Environment.GetEnvironmentVariable("SLA_REFERENCE_SURVEY") is { Length: > 0 } named ? named : null;
        var count = path is null ? 300 : ReferenceProperties.Cases;
        var checks = new (string Name, Func<GrowingCase, (IReadOnlyList<string> Families, string Text)?> Compare)[]
        {
            ("states", g => ReferenceComparison.States(g.Story)),
            ("edges", g => ReferenceComparison.StatesAtEdges(g.Story)),
            ("points", g => ReferenceComparison.Points(g.Story)),
            ("growth", ReferenceComparison.Growth),
        };
        var families = new Dictionary<string, (int Count, GrowingCase Example, string Text)>();
        foreach (var grown in Gen.Sample(ReferenceGenerators.Cases, count))
        {
            foreach (var (_, compare) in checks)
            {
                if (Try(compare, grown) is not { } difference)
                {
                    continue;
                }
                foreach (var family in difference.Families)
                {
                    if (families.TryGetValue(family, out var known))
                    {
                        families[family] = (known.Count + 1, known.Example, known.Text);
                        continue;
                    }
                    var (example, text) = ShrinkWithin(compare, grown, family, difference.Text);
                    families[family] = (1, example, text);
                }
            }
        }
        var report = new StringBuilder();
        foreach (var (family, (seen, example, text)) in families.OrderByDescending(f => f.Value.Count))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"## {family} ({seen} of {count} cases)");
            report.AppendLine("```json").AppendLine(example.ToString()).AppendLine("```").AppendLine("```").AppendLine(text).AppendLine("```");
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"({Skipped} checks past the reference's horizon)");
        if (path is not null)
        {
            File.WriteAllText(path, report.ToString());
            _output.WriteLine($"{families.Count} families written to {path}");
        }
        Assert.True(families.Count == 0, report.ToString());
    }

    private static (IReadOnlyList<string> Families, string Text)? Try(Func<GrowingCase, (IReadOnlyList<string> Families, string Text)?> compare, GrowingCase grown)
    {
        try
        {
            return compare(grown);
        }
        catch (BeyondHorizonException)
        {
            Skipped++;
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ([$"exception | {e.GetType().Name}: {e.Message.Split('\n')[0]}"], e.ToString());
        }
    }

    // Greedy: take the first smaller case that still shows the same family, until none does.
    private static (GrowingCase, string) ShrinkWithin(Func<GrowingCase, (IReadOnlyList<string> Families, string Text)?> compare, GrowingCase grown, string family, string text)
    {
        var smaller = true;
        while (smaller)
        {
            smaller = false;
            foreach (var candidate in ReferenceGenerators.Shrink(grown))
            {
                if (Try(compare, candidate) is { } d && d.Families.Contains(family))
                {
                    (grown, text, smaller) = (candidate, d.Text, true);
                    break;
                }
            }
        }
        return (grown, text);
    }
}
