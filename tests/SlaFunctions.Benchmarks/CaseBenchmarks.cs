using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Benchmarks;

/// <summary>A whole case evaluation: 20 events (replies, pauses, a severity change) against every target.</summary>
[MemoryDiagnoser]
public class CaseBenchmarks
{
    private CaseClock _clock = null!;
    private Policy _policy = null!;
    private CaseHistory _history = null!;
    private readonly Instant _opened = Instant.FromUtc(2026, 11, 16, 14, 0);
    private Instant _asOf;

    [GlobalSetup]
    public void Setup()
    {
        _policy = BenchmarkPolicy.Load();
        var events = new List<CaseEvent>();
        for (var i = 0; i < 5; i++)
        {
            var day = _opened + Duration.FromHours(6 * i);
            events.Add(CaseEvent.AgentReply(day + Duration.FromMinutes(30)));
            events.Add(CaseEvent.StatusChange(day + Duration.FromMinutes(40), CaseStatus.Pending));
            events.Add(CaseEvent.CustomerReply(day + Duration.FromHours(2)));
            events.Add(CaseEvent.StatusChange(day + Duration.FromHours(2), CaseStatus.Open));
        }
        _history = new CaseHistory(_opened, "1", events);
        _clock = new CaseClock(_policy, _history);
        _asOf = _opened + Duration.FromDays(3);
    }

    [Benchmark]
    public CaseState StateAt_20Events() => _clock.StateAt(_asOf);

    [Benchmark]
    public int EscalationsBetween_20Events() => _clock.EscalationsBetween(_asOf, _opened, _asOf + Duration.FromDays(7)).Count;
}
