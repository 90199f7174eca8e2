using System.Globalization;
using System.Text;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>For writing REFERENCE-FINDINGS.md: runs many cases without stopping at the first difference, groups the
/// differences by family and shrinks one example of each. Does nothing unless <c>SLA_REFERENCE_SURVEY</c> names a
/// file to write (<c>SLA_REFERENCE_SURVEY=/tmp/survey.md SLA_REFERENCE_CASES=3000 dotnet test ... --filter
/// FullyQualifiedName~ReferenceSurvey</c>).</summary>
public sealed class ReferenceSurvey
{
    private readonly ITestOutputHelper _output;

    private static int Skipped { get; set; }

    public ReferenceSurvey(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Survey_WritesOneShrunkExamplePerFamily()
    {
        if (Environment.GetEnvironmentVariable("SLA_REFERENCE_SURVEY") is not { Length: > 0 } path)
        {
            return;
        }
        var checks = new (string Name, Func<GrowingCase, (IReadOnlyList<string> Families, string Text)?> Compare)[]
        {
            ("states", g => ReferenceComparison.States(g.Story)),
            ("edges", g => ReferenceComparison.StatesAtEdges(g.Story)),
            ("points", g => ReferenceComparison.Points(g.Story)),
            ("growth", ReferenceComparison.Growth),
        };
        var families = new Dictionary<string, (int Count, GrowingCase Example, string Text)>();
        foreach (var grown in Gen.Sample(ReferenceGenerators.Cases, ReferenceProperties.Cases))
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
        foreach (var (family, (count, example, text)) in families.OrderByDescending(f => f.Value.Count))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"## {family} ({count} of {ReferenceProperties.Cases} cases)");
            report.AppendLine("```json").AppendLine(example.ToString()).AppendLine("```").AppendLine("```").AppendLine(text).AppendLine("```");
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"({Skipped} checks past the reference's horizon)");
        File.WriteAllText(path, report.ToString());
        _output.WriteLine($"{families.Count} families written to {path}");
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
