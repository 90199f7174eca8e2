using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;

/// <summary>The published app, started standalone N times on one set of fresh tables and one queue, each instance on
/// its own port, its log kept in the work folder. Disposing kills them and drops the tables and the queue.</summary>
internal sealed partial class AppInstances : IAsyncDisposable
{
    private const string Account = "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly string[] Tables = ["Cases", "Due", "Outbox", "Deliveries", "Poison", "WebhookLog"];
    private readonly List<Process> _processes = [];
    private readonly List<string> _logs = [];
    private readonly string _run;
    private bool _disposed;

    private AppInstances(string run) => _run = run;

    public Uri Url { get; private set; } = null!;

    public static async Task<AppInstances> StartAsync(Args options, int tablePort, int queuePort, string mail, string work)
    {
        var apps = new AppInstances(options.Run);
        var app = Path.GetFullPath(options.App);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 1; i <= options.Instances; i++)
        {
            var port = 7190 + i;
            var start = new ProcessStartInfo(app, ["--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = Path.GetDirectoryName(app)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["Storage__ConnectionString"] = $"DefaultEndpointsProtocol=http;{Account};TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
            foreach (var table in Tables)
            {
                start.Environment[$"Storage__{table}Table"] = TableName(options.Run, table);
            }
            start.Environment["Storage__QueueName"] = QueueName(options.Run);
            start.Environment["Webhooks__Connections__latency__Source"] = "zendesk";
            start.Environment["Webhooks__Connections__latency__Secrets__0"] = Args.Secret;
            start.Environment["Webhooks__Connections__latency__Policy"] = "liveops";
            start.Environment["Email__Pickup__Folder"] = mail;
            // Every email sent is logged, so a notice sent twice shows.
            start.Environment["Logging__Console__LogLevel__SlaFunctions.Monitoring.Sending"] = "Information";
            if (options.Schedule is { } schedule)
            {
                start.Environment["Sweep__Schedule"] = schedule;
            }
            var log = Path.Combine(work, $"app{i}.log");
            var writer = new StreamWriter(log) { AutoFlush = true };
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => Write(writer, e.Data);
            process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            apps._processes.Add(process);
            apps._logs.Add(log);
            var url = new Uri($"http://127.0.0.1:{port}");
            apps.Url ??= url;
            for (var tries = 0; ; tries++)
            {
                try
                {
                    using var health = await http.GetAsync(new Uri(url, "/api/health"));
                    if (health.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (tries < 100)
                {
                }
                if (tries >= 100 || process.HasExited)
                {
                    throw new InvalidOperationException($"Instance {i} did not start; see {log}");
                }
                await Task.Delay(100);
            }
        }
        return apps;
    }

    /// <summary>Each "Notice X sent to Y" line the instances logged.</summary>
    public List<string> SentLines() => [.. _logs.SelectMany(File.ReadLines).Select(l => SentLine().Match(l)).Where(m => m.Success).Select(m => m.Value)];

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        foreach (var table in Tables)
        {
            await service.DeleteTableAsync(TableName(_run, table));
        }
        await new QueueClient("UseDevelopmentStorage=true", QueueName(_run)).DeleteIfExistsAsync();
    }

    private static string TableName(string run, string table) => "lat" + table.ToLowerInvariant() + run;

    private static string QueueName(string run) => "latq" + run;

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }

    [GeneratedRegex(@"Notice \S+ sent to \S+")]
    private static partial Regex SentLine();
}
