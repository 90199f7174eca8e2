using NodaTime;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Settings of the <c>Sweep</c> section.</summary>
public sealed class SweepOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sweep";

    /// <summary>When the sweep runs, as NCRONTAB with seconds (the Functions timer's format), in UTC: every 2 seconds by
    /// default, so a notice goes out within seconds of its point (README, "Speed": notice latency). Standalone, the app's
    /// own timer follows it; in Azure, the timer trigger's function.json reads it.</summary>
    public const string DefaultSchedule = "*/2 * * * * *";

    /// <summary>When the sweep runs; <see cref="DefaultSchedule"/> unless set.</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>Standalone, whether the app runs its own sweep timer and queue listener (off in tests that drive
    /// the sweep by hand, and behind the Functions host, whose triggers do it).</summary>
    public bool RunStandalone { get; set; } = true;

    /// <summary>How far before the last checkpoint each sweep reads again, for index rows written late.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back the very first sweep reads.</summary>
    public TimeSpan FirstLookBack { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a queued notice may go unfinished before the sweep queues it again (a lost message, a
    /// host that died before sending its output).</summary>
    public TimeSpan RequeueAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many cases are judged at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>The most cases the timer judges itself: a window with more due (outside slices already queued) is cut
    /// into slices for the slice workers instead. 0 always fans out.</summary>
    public int InlineCases { get; set; } = 200;

    /// <summary>The most cases in one slice (fewer when their keys are long: a slice's keys fit one table property).</summary>
    public int SliceCases { get; set; } = 200;

    /// <summary>How long a queued slice may stay unfinished before the timer queues it again (a lost message, a worker
    /// killed mid-slice).</summary>
    public TimeSpan SliceLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with these settings, each naming its key.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SweepSchedule.TryParse(Schedule, out _) is false)
        {
            problems.Add($"Sweep:Schedule '{Schedule}' is not an NCRONTAB expression such as '*/2 * * * * *' (every 2 seconds) or '0 * * * * *' (every minute).");
        }
        if (Overlap < TimeSpan.Zero || FirstLookBack < TimeSpan.Zero || RequeueAfter <= TimeSpan.Zero)
        {
            problems.Add("Sweep:Overlap and Sweep:FirstLookBack must not be negative, and Sweep:RequeueAfter must be positive.");
        }
        if (Parallelism is < 1 or > 64)
        {
            problems.Add($"Sweep:Parallelism {Parallelism} must be between 1 and 64.");
        }
        if (InlineCases is < 0 or > 10_000)
        {
            problems.Add($"Sweep:InlineCases {InlineCases} must be between 0 and 10000.");
        }
        if (SliceCases is < 1 or > 1_000)
        {
            problems.Add($"Sweep:SliceCases {SliceCases} must be between 1 and 1000.");
        }
        if (SliceLease <= TimeSpan.Zero)
        {
            problems.Add("Sweep:SliceLease must be positive.");
        }
        return problems;
    }

    internal Duration OverlapDuration => Duration.FromTimeSpan(Overlap);
}
