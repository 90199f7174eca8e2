using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>The published executable started standalone (its own sweep timer and queue listener, no Functions host)
/// with the given settings, its console kept. Disposing kills it.</summary>
public sealed partial class StandaloneInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessConsole _console;

    private StandaloneInstance(Process process, Uri url)
    {
        _process = process;
        _console = ProcessConsole.Attach(process);
        Url = url;
    }

    public Uri Url { get; }

    public string Output => _console.ToString();

    /// <summary>Every "Notice X sent to Y" the sender logged.</summary>
    public IReadOnlyList<string> Sends => [.. SentLine().Matches(Output).Select(m => m.Value)];

    /// <summary>Starts the app with <paramref name="settings"/> as environment variables and waits for its health.</summary>
    public static async Task<StandaloneInstance> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = ProcessConsole.FreePort();
        var start = new ProcessStartInfo(Path.Combine(PublishedApp.Folder, PublishedApp.ExecutableName), ["--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = PublishedApp.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var instance = new StandaloneInstance(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(instance._process.HasExited, $"The executable exited:\n{instance.Output}");
            try
            {
                using var health = await client.GetAsync(new Uri(instance.Url, "/api/health"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return instance;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
            }
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"No healthy answer in 30 s:\n{instance.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>kill -9: the process stops wherever it is, mid-sweep or mid-send, with nothing cleaned up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(); // SIGKILL on Linux
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Notice \S+ sent to \S+")]
    private static partial Regex SentLine();
}
