using System.Diagnostics;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>The engine against the naive <see cref="ReferenceClock"/> on random policies and histories: each target's
/// state, the escalation points and their keys, and points already fired staying put as a history grows.</summary>
/// <remarks>How many cases: each property runs <see cref="DefaultCases"/> cases unless the environment variable
/// <c>SLA_REFERENCE_CASES</c> holds a positive integer, which then applies to each property
/// (<c>SLA_REFERENCE_CASES=20000 dotnet test ... --filter FullyQualifiedName~Tests.Reference</c>). The properties are
/// plain facts that call <c>Check.One</c> with a config built from that number, since an attribute cannot read the
/// environment. A failure prints the shrunk case as a preview API request (policy inline, one line of JSON) with the
/// engine's and the reference's answers. Cases whose clocks run past the reference's horizon (46 days past the as-of
/// instant) are not judged; their number is written to the test output.</remarks>
public sealed class ReferenceProperties
{
    /// <summary>Cases per property when <c>SLA_REFERENCE_CASES</c> is not set.</summary>
    public const int DefaultCases = 3000;

    private readonly ITestOutputHelper _output;

    public ReferenceProperties(ITestOutputHelper output) => _output = output;

    /// <summary>Cases per property: <c>SLA_REFERENCE_CASES</c> when it is a positive integer, else <see cref="DefaultCases"/>.</summary>
    internal static int Cases =>
        int.TryParse(Environment.GetEnvironmentVariable("SLA_REFERENCE_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultCases;

    [Fact]
    public void TargetStates_MatchTheReference() =>
        Run(nameof(TargetStates_MatchTheReference), grown => ReferenceComparison.States(grown.Story));

    [Fact]
    public void TargetStates_AtDuesAndPoints_MatchTheReference() =>
        Run(nameof(TargetStates_AtDuesAndPoints_MatchTheReference), grown => ReferenceComparison.StatesAtEdges(grown.Story), Cases / 3);

    [Fact]
    public void EscalationPoints_MatchTheReference() =>
        Run(nameof(EscalationPoints_MatchTheReference), grown => ReferenceComparison.Points(grown.Story));

    [Fact]
    public void FiredPoints_StayWhenTheHistoryGrows() =>
        Run(nameof(FiredPoints_StayWhenTheHistoryGrows), ReferenceComparison.Growth);

    private void Run(string name, Func<GrowingCase, (IReadOnlyList<string> Families, string Text)?> compare, int? cases = null)
    {
        var count = Math.Max(1, cases ?? Cases);
        var skipped = 0;
        var watch = Stopwatch.StartNew();
        var property = Prop.ForAll(Arb.From(ReferenceGenerators.Cases, ReferenceGenerators.Shrink), grown =>
        {
            try
            {
                if (compare(grown) is { } difference)
                {
                    throw new ReferenceMismatchException($"{string.Join(Environment.NewLine, difference.Families)}{Environment.NewLine}{difference.Text}");
                }
            }
            catch (BeyondHorizonException)
            {
                Interlocked.Increment(ref skipped);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithName(name), property);
        _output.WriteLine($"{name}: {count} cases in {watch.Elapsed.TotalSeconds:0.0} s, {skipped} past the reference's horizon.");
    }
}

/// <summary>The engine and the reference disagree, or the engine broke a rule the properties check.</summary>
internal sealed class ReferenceMismatchException : Exception
{
    public ReferenceMismatchException()
    {
    }

    public ReferenceMismatchException(string message)
        : base(message)
    {
    }

    public ReferenceMismatchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
