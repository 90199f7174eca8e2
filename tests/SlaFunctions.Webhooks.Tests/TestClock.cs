using NodaTime;
using NodaTime.Testing;

namespace SlaFunctions.Webhooks.Tests;

/// <summary>The tests' "now": Monday 2026-01-05 10:00 UTC, after every fixture's events of that morning.</summary>
internal static class TestClock
{
    public static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 10, 0);

    public static FakeClock Create() => new(Now);
}
