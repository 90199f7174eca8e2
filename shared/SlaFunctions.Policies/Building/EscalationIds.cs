using System.Globalization;
using SlaFunctions.Policies.Documents;

namespace SlaFunctions.Policies.Building;

/// <summary>Gives an escalation rule without an <c>id</c> a stable one from what it says, e.g.
/// <c>firstResponse-percent75</c> or <c>resolution-breach</c>, so notice identities survive reordering the file.</summary>
public static class EscalationIds
{
    /// <summary>The rule's id, written or derived.</summary>
    public static string For(EscalationDocument rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Id is { } id)
        {
            return id;
        }
        var at = rule.At;
        var trigger = at switch
        {
            { Percent: { } p } => "percent" + p.ToString(CultureInfo.InvariantCulture),
            { Before: { } b } => "before" + b,
            { Breach: true } => "breach",
            { After: { } a } => "after" + a,
            { Elapsed: { } e } => "elapsed" + e,
            { Event: { } ev } => ev,
            _ => "rule",
        };
        var severities = rule.Severities.Count == 0 ? "" : "-" + string.Join("-", rule.Severities);
        return $"{rule.Target ?? "case"}-{trigger}{severities}";
    }
}
