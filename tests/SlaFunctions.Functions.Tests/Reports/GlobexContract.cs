using NodaTime;
using SlaFunctions.Functions.Tests.Cases;

namespace SlaFunctions.Functions.Tests.Reports;

/// <summary>A small contract on 24x7 in UTC for the tests of versions and the what-if, loaded from a folder of its own
/// and covering both test connections.</summary>
internal static class GlobexContract
{
    /// <summary>First response 4h, resolution 2d, resolution's breach told to support management.</summary>
    public const string Text = """
        id: globex
        name: Globex support
        calendars:
          office: { timeZone: UTC, hours: { mon: ["09:00-17:00"] } }
        severities:
          - id: "1"
            name: Urgent
            targets:
              firstResponse: { within: 4h, calendar: 24x7 }
              resolution: { within: 2d, calendar: 24x7 }
        escalations:
          - target: resolution
            at: { breach: true }
            notify: [supportManagement]
        """;

    /// <summary>The app at <paramref name="now"/>, loading the policies in <paramref name="folder"/>, both test
    /// connections covered by <c>globex</c>.</summary>
    public static CaseApi App(Instant now, string folder) => new CaseApi(now).With("Sla:PoliciesPath", folder)
        .With("Webhooks:Connections:acme-zendesk:Policy", "globex").With("Webhooks:Connections:acme-events:Policy", "globex");
}
