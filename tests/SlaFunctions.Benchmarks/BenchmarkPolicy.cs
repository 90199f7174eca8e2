using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;

namespace SlaFunctions.Benchmarks;

/// <summary>A business-hours contract with a year of holidays, as the benchmarks measure it.</summary>
internal static class BenchmarkPolicy
{
    public static Policy Load() => PolicyReader.Read(Yaml, PolicyFormat.Yaml, null).Policy
        ?? throw new InvalidOperationException("The benchmark policy is invalid.");

    // New York weekday hours with a lunch break (two intervals a day) and the 2026 US federal holidays.
    private const string Yaml = """
        id: bench
        name: Benchmark contract
        calendars:
          business:
            timeZone: America/New_York
            hours:
              mon: ["08:00-12:00", "13:00-18:00"]
              tue: ["08:00-12:00", "13:00-18:00"]
              wed: ["08:00-12:00", "13:00-18:00"]
              thu: ["08:00-12:00", "13:00-18:00"]
              fri: ["08:00-12:00", "13:00-18:00"]
            holidays: ["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
                       "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"]
        severities:
          - id: "1"
            name: Critical
            targets:
              firstResponse: { within: 1h, calendar: business }
              update: { every: 4h, calendar: business }
              resolution: { within: 40h, calendar: business }
        escalations:
          - target: resolution
            at: { percent: 75 }
            notify: [assignee]
          - target: resolution
            at: { breach: true }
            every: 2h
            notify: [supportManagement]
        """;
}
