using NodaTime.Text;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Webhooks.Tests;

/// <summary>Writes events as one line each, <c>2026-01-05T08:31:00Z AgentReply</c> or <c>… Status Pending</c>, so a
/// golden test lists what it expects as ISO strings.</summary>
internal static class EventText
{
    public static string[] Of(CaseUpdate update) => [.. update.Events.Select(Of)];

    public static string Of(CaseEvent e) => $"{InstantPattern.ExtendedIso.Format(e.At)} {e.Type}" + e.Type switch
    {
        CaseEventType.Status => $" {e.Status}",
        CaseEventType.Severity => $" {e.Severity}",
        CaseEventType.Group => $" {e.Group ?? "(none)"}",
        _ => "",
    };

    /// <summary>The update of an accepted result; fails the test, listing the problems, otherwise.</summary>
    public static CaseUpdate Accepted(WebhookParseResult result)
    {
        Xunit.Assert.True(result.Outcome == WebhookOutcome.Accepted,
            $"{result.Outcome}: {result.IgnoredBecause}{string.Join("; ", result.Problems)}");
        return result.Update!;
    }
}
