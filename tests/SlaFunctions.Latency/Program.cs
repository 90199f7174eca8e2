using System.Diagnostics;
using System.Globalization;

// Notice latency (issue 18): from an escalation point coming due to its email. Run by eng/latency.sh, which starts
// Azurite. Starts the published app standalone (one or more instances on the same tables and queue) with its default
// settings, the pickup folder as the email transport, behind relays that count its storage calls. Then:
// 1. at rest: counts the table and queue calls for --rest seconds with nothing due;
// 2. creates --cases LiveOps Low cases (first response within 8 hours, 24x7; the assignee is warned at 75 %, 6 hours
//    in) through signed Zendesk webhooks, each opened so that its warning falls at a known instant, spread at random
//    over --spread seconds starting --lead seconds after the first webhook; watches the pickup folder and records
//    when each case's .eml appears; prints the spread of (appeared - point), what never came, and the storage calls
//    per case;
// 3. counts the "sent to" log lines: a notice sent twice fails the run.
var options = Args.Parse(args);
var ci = CultureInfo.InvariantCulture;
var work = Path.GetFullPath(options.Work);
var mail = Path.Combine(work, "mail");
Directory.CreateDirectory(mail);

await using var tables = new CountingProxy(10002);
await using var queues = new CountingProxy(10001);
await using var apps = await AppInstances.StartAsync(options, tables.Port, queues.Port, mail, work);
Console.WriteLine($"latency: {options.Instances} instance(s), Sweep:Schedule {options.Schedule ?? "(default)"}, logs and emails in {work}");
var status = 0;
try
{
    // At rest: nothing is due (the tables are new), so what is counted is the idle sweep and the queue polling.
    await Task.Delay(TimeSpan.FromSeconds(5));
    var (restTables, restQueues) = (tables.Requests, queues.Requests);
    await Task.Delay(TimeSpan.FromSeconds(options.Rest));
    var perHour = 3600 / options.Rest;
    Console.WriteLine(string.Create(ci, $"at rest, {options.Rest:F0} s: {tables.Requests - restTables} table calls, {queues.Requests - restQueues} queue calls = {(tables.Requests - restTables) * perHour:F0} table and {(queues.Requests - restQueues) * perHour:F0} queue calls an hour"));

    var (loadTables, loadQueues) = (tables.Requests, queues.Requests);
    var run = new LatencyRun(options, apps.Url, mail);
    status = await run.RunAsync();
    var cases = options.Cases;
    Console.WriteLine(string.Create(ci, $"under load, webhooks to the last email: {tables.Requests - loadTables} table calls ({(tables.Requests - loadTables) / (double)cases:F1} a case), {queues.Requests - loadQueues} queue calls ({(queues.Requests - loadQueues) / (double)cases:F1} a case)"));
}
finally
{
    await apps.DisposeAsync();
}

var sends = apps.SentLines();
var twice = sends.GroupBy(s => s, StringComparer.Ordinal).Count(g => g.Count() > 1);
Console.WriteLine($"sends logged: {sends.Count}; notices sent more than once to the same person: {twice}");
return status == 0 && twice == 0 ? 0 : 1;

internal sealed record Args(string App, string Work, string Run, int Instances, string? Schedule, int Cases, double Lead, double Spread, double Timeout, double Rest, int Seed)
{
    public const string Connection = "latency";
    public const string Secret = "latency-test-secret-0123456789";

    public static Args Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string key, string fallback) => map.TryGetValue(key, out var value) ? value : fallback;
        double Number(string key, string fallback) => double.Parse(Get(key, fallback), CultureInfo.InvariantCulture);
        var run = Get("run", "r" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return new Args(
            Get("app", "artifacts/publish/app/SlaFunctions"),
            Get("work", Path.Combine(".azurite", "latency-" + run)),
            run,
            (int)Number("instances", "1"),
            map.GetValueOrDefault("schedule"),
            (int)Number("cases", "200"),
            Number("lead", "15"),
            Number("spread", "180"),
            Number("timeout", "120"),
            Number("rest", "60"),
            (int)Number("seed", "20261205"));
    }
}
