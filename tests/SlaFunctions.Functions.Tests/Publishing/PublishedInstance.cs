using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SlaFunctions.Functions.Tests.Invocations;
using Xunit;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>One instance of the published executable, as the Functions host runs it (behind the host: invocations
/// only, no standalone timer), with the settings given; ready when created.</summary>
public sealed class PublishedInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _client;
    private readonly StringBuilder _output = new();

    private PublishedInstance(Process process, HttpClient client)
    {
        _process = process;
        _client = client;
    }

    /// <summary>A client for the instance's port.</summary>
    public HttpClient Client => _client;

    /// <summary>What the process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts an instance with <paramref name="settings"/> as environment variables and waits for the host's
    /// readiness answer.</summary>
    public static async Task<PublishedInstance> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(PublishedApp.Folder, PublishedApp.ExecutableName))
        {
            WorkingDirectory = PublishedApp.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_APP_ROOT_PATH"] = PublishedApp.Folder;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var instance = new PublishedInstance(Process.Start(start)!, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) });
        instance._process.OutputDataReceived += (_, e) => instance.Record(e.Data);
        instance._process.ErrorDataReceived += (_, e) => instance.Record(e.Data);
        instance._process.BeginOutputReadLine();
        instance._process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(instance._process.HasExited, $"The executable exited:\n{instance.Output}");
            try
            {
                using var ready = await instance._client.GetAsync(new Uri("/", UriKind.Relative));
                return instance;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Posts <paramref name="envelope"/> to <c>/{function}</c> as the host does; the answer's JSON, which must
    /// be a 200.</summary>
    public async Task<JsonNode> InvokeAsync(string function, string envelope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + function, UriKind.Relative)) { Content = new StringContent(envelope, Encoding.UTF8, "application/json") };
        HostHeaders.AddTo(request);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{function}: {response.StatusCode} {text}\n{Output}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown, no answer to what it was doing).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _client.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
