namespace SlaFunctions.Policies.Tests;

/// <summary>Small policies for tests, written as YAML the way users write them.</summary>
internal static class PolicyText
{
    /// <summary>A valid policy; tests replace one line to break it.</summary>
    public const string Valid = """
        id: acme
        name: Acme gold support
        calendars:
          business:
            timeZone: America/New_York
            hours:
              mon: ["08:00-17:00"]
              tue: ["08:00-17:00"]
              wed: ["08:00-17:00"]
              thu: ["08:00-17:00"]
              fri: ["08:00-17:00"]
            holidays: ["2026-12-25"]
          after-hours:
            complementOf: business
        severities:
          - id: 1
            name: Critical
            aliases: [p1, urgent]
            targets:
              firstResponse: { within: 1h, calendar: 24x7 }
              update: { every: 4h, calendar: 24x7 }
              resolution: { within: 1d, calendar: 24x7 }
          - id: "2"
            name: High
            aliases: [p2]
            targets:
              firstResponse: { within: 4h, calendar: business }
              resolution: { businessDays: 2, calendar: business }
        escalations:
          - target: firstResponse
            at: { percent: 75 }
            notify: [assignee]
        """;

    public static PolicyReadResult Read(string yaml) => PolicyReader.Read(yaml, PolicyFormat.Yaml, baseDirectory: null);

    public static PolicyReadResult ReadWith(string find, string replace) =>
        Read(Valid.Replace(find, replace, StringComparison.Ordinal));
}
