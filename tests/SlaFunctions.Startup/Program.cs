using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

// Start-up benchmark (issue 5): process start to the first 200 from GET /api/health, for each build given, several
// runs each, alternating builds so that machine noise hits both alike. Prints one row per build and the ratio.
// Usage: SlaFunctions.Startup --runs 15 <label>=<executable> [<label>=<executable> ...]
var runs = 15;
var builds = new List<(string Label, string Path)>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs")
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else
    {
        var parts = args[i].Split('=', 2);
        builds.Add((parts[0], Path.GetFullPath(parts[1])));
    }
}
if (builds.Count == 0)
{
    Console.Error.WriteLine("usage: SlaFunctions.Startup [--runs N] <label>=<executable> ...");
    return 2;
}

var times = builds.ToDictionary(b => b.Label, _ => new List<double>());
for (var run = 0; run < runs + 1; run++)
{
    foreach (var (label, path) in builds)
    {
        var elapsed = await MeasureAsync(path);
        if (run > 0) // the first round warms the disk cache and Azurite for every build alike
        {
            times[label].Add(elapsed);
        }
    }
}

Console.WriteLine($"| build | runs | median ms | min ms | max ms |");
Console.WriteLine($"|---|---:|---:|---:|---:|");
foreach (var (label, _) in builds)
{
    var sorted = times[label].Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {sorted.Count} | {Median(sorted):F1} | {sorted[0]:F1} | {sorted[^1]:F1} |"));
}
if (builds.Count >= 2)
{
    var first = Median([.. times[builds[0].Label].Order()]);
    var second = Median([.. times[builds[1].Label].Order()]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{builds[1].Label} / {builds[0].Label}: {second / first:F1}x"));
}
return 0;

static double Median(List<double> sorted) =>
    sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

static async Task<double> MeasureAsync(string executable)
{
    var port = FreePort();
    var url = new Uri($"http://127.0.0.1:{port}/api/health");
    using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(5) };
    var start = new ProcessStartInfo(executable, ["--urls", $"http://127.0.0.1:{port}"])
    {
        WorkingDirectory = Path.GetDirectoryName(executable)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    try
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{executable} exited with {process.ExitCode} before answering");
            }
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed.TotalMilliseconds;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: a refused connection costs well under a millisecond on loopback.
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{executable} did not answer {url} within 30 s");
            }
        }
    }
    finally
    {
        process.Kill();
        await process.WaitForExitAsync();
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
