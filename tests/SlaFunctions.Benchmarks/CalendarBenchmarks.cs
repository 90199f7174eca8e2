using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Benchmarks;

/// <summary>One due computation on a business calendar with holidays.</summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private BusinessCalendar _calendar = null!;
    // Thu 2026-11-19 15:30 EST: the 40 h goal runs across a weekend and the Thanksgiving holiday.
    private readonly Instant _start = Instant.FromUtc(2026, 11, 19, 20, 30);
    private readonly Duration _eightHours = Duration.FromHours(8);
    private readonly Duration _fortyHours = Duration.FromHours(40);
    private readonly Duration _fourHundredHours = Duration.FromHours(400);

    [GlobalSetup]
    public void Setup() => _calendar = BenchmarkPolicy.Load().Calendars["business"];

    [Benchmark]
    public Instant AddOpenTime_8h() => _calendar.AddOpenTime(_start, _eightHours);

    [Benchmark]
    public Instant AddOpenTime_40h() => _calendar.AddOpenTime(_start, _fortyHours);

    /// <summary>Ten weeks of open time: shows whole weeks are skipped, not walked.</summary>
    [Benchmark]
    public Instant AddOpenTime_400h() => _calendar.AddOpenTime(_start, _fourHundredHours);

    [Benchmark]
    public Duration OpenTimeBetween_OneMonth() => _calendar.OpenTimeBetween(_start, _start + Duration.FromDays(30));
}
