using SlaFunctions.Policies.Tests.Seeds;
using Xunit;

namespace SlaFunctions.Policies.Tests.Rules;

/// <summary><c>internal: true</c> marks a goal the contract does not promise: it loads onto the engine's target, and no
/// escalation on it may tell the customer.</summary>
public sealed class InternalTargetTests
{
    private const string Update = "update: { every: 4h, calendar: 24x7 }";

    [Fact]
    public void Read_InternalTrue_MarksTheTarget()
    {
        var policy = PolicyText.ReadWith(Update, "update: { every: 4h, calendar: 24x7, internal: true }").Policy!;

        Assert.True(policy.Severities[0].Targets.Single(t => t.Name == "update").Internal);
        Assert.False(policy.Severities[0].Targets.Single(t => t.Name == "firstResponse").Internal);
    }

    [Fact]
    public void Check_CustomerToldOfAnInternalTarget_IsRefusedAtNotify()
    {
        var result = PolicyText.Read(PolicyText.Valid
            .Replace(Update, "update: { every: 4h, calendar: 24x7, internal: true }", StringComparison.Ordinal)
            + "\n  - target: update\n    at: { breach: true }\n    notify: [assignee, customer]\n");

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Path == "escalations[1].notify" && p.Message.Contains("'update' is internal", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_InternalNotABoolean_IsRefused()
    {
        var result = PolicyText.ReadWith(Update, "update: { every: 4h, calendar: 24x7, internal: yes please }");

        Assert.Contains(result.Problems, p => p.Path == "severities[0].targets.update.internal");
    }

    [Fact]
    public void Xecuritas_NoSeverityHasAnUpdateCadence()
    {
        // The seed sets no update cadence; the spec example's Severity-2 one is not a promise the contract makes.
        Assert.All(SeedPolicies.Xecuritas.Severities, s => Assert.DoesNotContain(s.Targets, t => t.Name == "update"));
    }
}
