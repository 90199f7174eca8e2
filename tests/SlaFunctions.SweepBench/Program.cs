using System.Diagnostics;
using System.Globalization;
using NodaTime;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.SweepBench;

// Sweep benchmark (issues 4 and 18). Run by eng/sweep-bench.sh against Azurite.
// Set A holds 100k open cases of which 1k are due at now; set B holds 1k open cases, all due. Each sweep is run by the
// timer alone (--workers 0, the default) or fanned out to N in-process slice workers (--workers 1,2,4: each count in
// turn on the same seeded sets), and prints the storage requests it made per due case. Both are seeded with the
// rows the app's CaseIngestion writes (see SweepSet), then each is swept at the same fake now, several times
// (alternating which set goes first), each sweep judging its 1k due cases and queuing one notice per case. The ratio of
// the median sweep times A/B must be at most 1.5: the sweep's cost follows the cases due, not the cases open.
if (args is ["what-if", .. var whatIf])
{
    // eng/what-if-bench.sh: the what-if of --cases stored cases (default 10000), --runs times.
    var w = Args.Parse(whatIf);
    var map = whatIf.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
    return await WhatIfRun.RunAsync(w.Policies, w.Storage, int.Parse(map.GetValueOrDefault("cases", "10000"), CultureInfo.InvariantCulture), w.Runs, w.Concurrency);
}
var options = Args.Parse(args);
var ci = CultureInfo.InvariantCulture;
if (options.Clean)
{
    // Tables a run left behind when it was stopped: every table named as SweepSet names them.
    var dropped = await SweepSet.DropLeftoversAsync(options.Storage);
    Console.WriteLine(string.Create(ci, $"dropped {dropped} tables left by earlier runs"));
    return 0;
}
// Tuesday 12:00 GMT, inside LumenVox's support hours.
var now = Instant.FromUtc(2026, 3, 10, 12, 0);
var policies = PolicyCatalog.LoadDirectory(options.Policies);
var sweep = new SweepOptions { Parallelism = options.Parallelism, SliceCases = options.SliceCases };
using var requests = new StorageRequests();
var large = new SweepSet("a", options.LargeOpen, options.Due, options.Storage, policies, now);
var small = new SweepSet("b", options.Due, options.Due, options.Storage, policies, now);
var sets = new[] { large, small };
var failures = new List<string>();
try
{
    foreach (var set in sets)
    {
        var seeding = Stopwatch.StartNew();
        await set.SeedAsync(options.Concurrency, step => Console.WriteLine(string.Create(ci, $"  set {set.Name}: {step}, {seeding.Elapsed.TotalSeconds:F0} s")));
        Console.WriteLine(string.Create(ci, $"seeded set {set.Name}: {set.Open} open cases ({set.Due} due) in {seeding.Elapsed.TotalSeconds:F1} s = {set.Open / seeding.Elapsed.TotalSeconds:F0} cases/s"));
    }

    var timings = new Dictionary<(SweepSet Set, int Workers), List<SweepTiming>>();
    var swept = new HashSet<SweepSet>();
    for (var run = 0; run < options.Runs; run++)
    {
        // Alternate the order so drift in Azurite (its log, its memory) falls on both sets alike.
        foreach (var set in run % 2 == 0 ? sets : sets.Reverse())
        {
            foreach (var workers in options.Workers)
            {
                var reset = Stopwatch.StartNew();
                if (!swept.Add(set))
                {
                    await set.ResetAsync(options.Concurrency);
                }
                reset.Stop();
                var before = requests.Snapshot();
                var timing = await set.SweepAsync(sweep, workers);
                (timings.TryGetValue((set, workers), out var list) ? list : timings[(set, workers)] = []).Add(timing);
                var how = workers == 0 ? "timer alone" : string.Create(ci, $"{workers} workers, {timing.Slices} slices cut in {timing.Timer.TotalSeconds:F2} s");
                Console.WriteLine(string.Create(ci, $"run {run + 1} set {set.Name} ({how}): {timing.Elapsed.TotalSeconds:F2} s, {timing.Cases} cases judged, {timing.Queued} notices queued ({timing.Distinct} distinct); reset before it {reset.Elapsed.TotalSeconds:F1} s"));
                Console.WriteLine("  storage requests per due case: " + requests.Since(before, set.Due));
                if (timing.Cases != set.Due || timing.Queued != set.Due || timing.Distinct != set.Due)
                {
                    failures.Add(string.Create(ci, $"run {run + 1} set {set.Name} with {workers} workers judged {timing.Cases} cases and queued {timing.Queued} notices ({timing.Distinct} distinct); expected {set.Due} of each"));
                }
            }
        }
    }

    foreach (var ((set, workers), list) in timings.OrderBy(t => t.Key.Set.Name, StringComparer.Ordinal).ThenBy(t => t.Key.Workers))
    {
        var all = string.Join(", ", list.Select(t => t.Elapsed.TotalSeconds.ToString("F2", ci)));
        var single = timings.TryGetValue((set, 1), out var one) && workers > 1 ? string.Create(ci, $", {Median(list) / Median(one):F2} × the 1-worker time") : "";
        Console.WriteLine(string.Create(ci, $"set {set.Name} ({set.Open} open, {set.Due} due), {(workers == 0 ? "timer alone" : $"{workers} workers")}: median {Median(list):F2} s over {options.Runs} sweeps [{all}], {set.Due / Median(list):F0} due cases/s{single}"));
    }
    foreach (var workers in options.Workers)
    {
        var ratio = Median(timings[(large, workers)]) / Median(timings[(small, workers)]);
        Console.WriteLine(string.Create(ci, $"ratio A/B, {(workers == 0 ? "timer alone" : $"{workers} workers")}: {ratio:F2} (goal ≤ {options.MaxRatio:F1})"));
        if (ratio > options.MaxRatio)
        {
            failures.Add(string.Create(ci, $"ratio {ratio:F2} with {workers} workers is over {options.MaxRatio:F1}"));
        }
    }
}
finally
{
    if (!options.Keep)
    {
        foreach (var set in sets)
        {
            await set.DropAsync();
        }
    }
}
foreach (var failure in failures)
{
    Console.Error.WriteLine("FAIL: " + failure);
}
return failures.Count == 0 ? 0 : 1;

static double Median(List<SweepTiming> timings)
{
    var sorted = timings.Select(t => t.Elapsed.TotalSeconds).Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed record Args(string Storage, string Policies, int LargeOpen, int Due, int Runs, int Concurrency, int Parallelism, double MaxRatio, bool Keep, bool Clean, IReadOnlyList<int> Workers, int SliceCases)
{
    public static Args Parse(string[] args)
    {
        // "--name value" pairs; a later pair wins.
        var map = args.Chunk(2).Where(p => p.Length == 2).GroupBy(p => p[0].TrimStart('-'), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        string Get(string key, string fallback) => map.GetValueOrDefault(key, fallback);
        return new Args(
            Get("storage", "UseDevelopmentStorage=true"),
            Get("policies", "policies"),
            int.Parse(Get("open", "100000"), CultureInfo.InvariantCulture),
            int.Parse(Get("due", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("runs", "3"), CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency", "32"), CultureInfo.InvariantCulture),
            int.Parse(Get("parallelism", "8"), CultureInfo.InvariantCulture),
            double.Parse(Get("max-ratio", "1.5"), CultureInfo.InvariantCulture),
            bool.Parse(Get("keep", "false")),
            bool.Parse(Get("clean", "false")),
            [.. Get("workers", "0").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))],
            int.Parse(Get("slice-cases", "200"), CultureInfo.InvariantCulture));
    }
}

internal sealed record SweepTiming(TimeSpan Elapsed, TimeSpan Timer, int Cases, int Queued, int Distinct, int Slices);
