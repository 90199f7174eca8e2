namespace SlaFunctions.Policies.Rules;

/// <summary>The rules every policy is checked against, in the order their problems are listed.</summary>
public static class PolicyRules
{
    /// <summary>All rules.</summary>
    public static IReadOnlyList<IPolicyRule> All { get; } =
    [
        new IdentityRule(),
        new CalendarRule(),
        new HolidayRulesRule(),
        new SeverityRule(),
        new TargetRule(),
        new EscalationRuleCheck(),
    ];
}
