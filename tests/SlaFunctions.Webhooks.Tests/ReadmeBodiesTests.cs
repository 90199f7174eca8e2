using System.Text.RegularExpressions;
using Xunit;

namespace SlaFunctions.Webhooks.Tests;

/// <summary>The bodies the README tells admins to paste into Zendesk and Freshdesk, with their placeholders rendered
/// as the tools render them, are read as ticket deliveries: a README edit that breaks one fails here.</summary>
public sealed partial class ReadmeBodiesTests
{
    private readonly WebhookAdapters _adapters = new(TestClock.Create());

    [Theory]
    [InlineData("zendesk", "**Zendesk**")]
    [InlineData("freshdesk", "**Freshdesk**")]
    public void ReadmeBody_Rendered_Accepted(string kind, string heading)
    {
        var body = Placeholder().Replace(JsonBlockAfter(heading), m => Rendered(m.Groups[1].Value));

        var result = _adapters.Find(kind)!.Parse(Deliveries.Of(body), ConnectionMapping.Default);

        Assert.True(result.Outcome == WebhookOutcome.Accepted, string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")) + result.IgnoredBecause);
    }

    // The first ```json block after the paragraph that starts with the heading, in the README's connection examples.
    private static string JsonBlockAfter(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var at = readme.IndexOf("\n" + heading + " ", readme.IndexOf("### Connecting a tool", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at > 0, $"README has no paragraph starting {heading} under 'Connecting a tool'.");
        var start = readme.IndexOf("```json\n", at, StringComparison.Ordinal) + "```json\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string Rendered(string placeholder) => placeholder switch
    {
        "ticket.id" => "4711",
        "ticket.status" => "Open",
        "ticket.priority" => "High",
        "current_user.role" => "Agent",
        "triggered_event" => "{ticket_action:created}",
        _ when placeholder.EndsWith("_with_timestamp", StringComparison.Ordinal) => "2026-01-05T08:12Z",
        _ when placeholder.EndsWith(".id", StringComparison.Ordinal) => "100",
        _ when placeholder.Contains("email", StringComparison.Ordinal) => "ana@acme.example",
        _ => "sample text",
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SlaFunctions.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("No SlaFunctions.sln above the test binaries.");
    }

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Placeholder();
}
