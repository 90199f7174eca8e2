using System.Text.Json.Nodes;
using SlaFunctions.Invocations;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The function.json files (functions/Functions/&lt;name&gt;/) against the app that serves them.</summary>
public sealed class FunctionJsonTests
{
    private static readonly SortedDictionary<string, JsonObject> Functions = FunctionFolders.Read(FunctionFolders.Source);

    public static TheoryData<string> Names() => [.. Functions.Keys];

    [Fact]
    public void Functions_TheExpectedSet()
    {
        Assert.Equal(
            ["board", "calendar-hours", "case", "cases", "compliance", "connection-deliveries", "deadletters", "health", "pages", "poison", "poison-replay", "policy-list", "policy-source", "policy-what-if", "preview", "sender", "sweep", "sweep-slice", "webhooks"],
            Functions.Keys);
    }

    [Fact]
    public void Functions_NoFolderNamedLikeOneTheAppShips()
    {
        // Function folders land beside the executable with the app's own folders: a function named "policies" would
        // drop its function.json among the policy files, which then fail to load.
        Assert.Empty(Functions.Keys.Intersect(["policies", "wwwroot", "templates"], StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EveryRouteTheAppServes_HasAFunction()
    {
        // Behind the Functions host only what a function proxies reaches the app: every /api route needs a function,
        // and every other route is one of the host's invocations (a non-HTTP function's name) or its readiness probe.
        var proxied = Functions.Values.Where(FunctionFolders.IsHttp).SelectMany(FunctionFolders.ProxiedRoutes).ToHashSet(StringComparer.Ordinal);
        var invoked = Functions.Where(f => !FunctionFolders.IsHttp(f.Value)).Select(f => $"POST /{f.Key}").Append("GET /").ToHashSet(StringComparer.Ordinal);

        var served = await FunctionsFoldersServed.Value;

        Assert.Empty(served.Where(route => !proxied.Contains(route) && !invoked.Contains(route)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Function_Bindings_WellFormed(string name)
    {
        var bindings = FunctionFolders.Bindings(Functions[name]).ToList();

        Assert.NotEmpty(bindings);
        foreach (var binding in bindings)
        {
            Assert.False(string.IsNullOrWhiteSpace(binding["type"]?.GetValue<string>()), $"{name}: a binding has no type");
            Assert.False(string.IsNullOrWhiteSpace(binding["name"]?.GetValue<string>()), $"{name}: a binding has no name");
            Assert.True(binding["direction"]?.GetValue<string>() is "in" or "out", $"{name}: direction must be in or out");
        }
        Assert.Equal(bindings.Count, bindings.Select(b => b["name"]!.GetValue<string>()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("in", FunctionFolders.Trigger(Functions[name])["direction"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task HttpFunction_ProxiedToARouteTheAppServes(string name)
    {
        var function = Functions[name];
        if (!FunctionFolders.IsHttp(function))
        {
            return;
        }
        var served = await FunctionsFoldersServed.Value;

        // Proxying applies only to HTTP-only functions: exactly the trigger and an http output.
        Assert.Equal(["http", "httpTrigger"], FunctionFolders.Bindings(function).Select(b => b["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var route in FunctionFolders.ProxiedRoutes(function))
        {
            Assert.Contains(route, served);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OtherFunction_HasAnInvocationRoute(string name)
    {
        if (FunctionFolders.IsHttp(Functions[name]))
        {
            return;
        }
        Assert.Contains($"POST /{name}", await FunctionsFoldersServed.Value);
    }

    [Theory]
    [InlineData("health", "anonymous")] // the platform's and ops' probe
    [InlineData("webhooks", "anonymous")] // ticket tools cannot send function keys nicely; the app checks each tool's signature
    [InlineData("preview", "function")] // a pure calculation, but inline policies cost CPU: callers need a key
    [InlineData("case", "function")] // case data: the read API needs a function key
    [InlineData("cases", "function")]
    [InlineData("board", "function")] // the board's data, the report and the policies are read API too
    [InlineData("compliance", "function")]
    [InlineData("poison", "function")]
    [InlineData("poison-replay", "function")]
    [InlineData("policy-list", "function")] // not "policies": the folder beside the executable holds the policy files
    [InlineData("policy-source", "function")]
    [InlineData("calendar-hours", "function")]
    [InlineData("pages", "anonymous")] // static pages, no data: they ask for a key before calling the API
    public void HttpFunction_AuthLevel(string name, string authLevel)
    {
        Assert.Equal(authLevel, FunctionFolders.Trigger(Functions[name])["authLevel"]!.GetValue<string>());
    }

    [Fact]
    public void Sweep_TimerFromSettingAndEscalationsOutput()
    {
        var sweep = Functions[SweepInvocation.FunctionName];
        var timer = FunctionFolders.Trigger(sweep);
        var output = Assert.Single(FunctionFolders.Bindings(sweep), b => b["type"]!.GetValue<string>() == "serviceBus");

        Assert.Equal(("timerTrigger", SweepInvocation.TriggerBinding), (timer["type"]!.GetValue<string>(), timer["name"]!.GetValue<string>()));
        // The colon form: the host resolves %...% through configuration, where the app setting Sweep__Schedule is
        // Sweep:Schedule; "%Sweep__Schedule%" does not resolve (Azure/azure-functions-host#10246).
        Assert.Equal("%Sweep:Schedule%", timer["schedule"]!.GetValue<string>());
        Assert.False(timer["runOnStartup"]!.GetValue<bool>());
        // No schedule monitor: every few seconds it would read and write a status blob per tick, and a missed tick costs
        // nothing, since the next sweep reads from the checkpoint.
        Assert.False(timer["useMonitor"]!.GetValue<bool>());
        Assert.Equal(("serviceBus", SweepInvocation.OutputBinding, "escalations", "ServiceBusConnection"),
            (output["type"]!.GetValue<string>(), output["name"]!.GetValue<string>(), output["queueName"]!.GetValue<string>(), output["connection"]!.GetValue<string>()));
    }

    [Fact]
    public void SweepSlices_FromTheSweepsOutputToTheSliceTrigger_WithEscalationsOutput()
    {
        var slices = Assert.Single(FunctionFolders.Bindings(Functions[SweepInvocation.FunctionName]), b => b["type"]!.GetValue<string>() == "queue");
        var function = Functions[SliceInvocation.FunctionName];
        var trigger = FunctionFolders.Trigger(function);
        var output = Assert.Single(FunctionFolders.Bindings(function), b => b["direction"]!.GetValue<string>() == "out");

        // The sweep's slice output and the slice worker's trigger: one Storage Queue of the host's storage account
        // (declared in infra/main.bicep's queueNames), reached by the identity AzureWebJobsStorage__* names.
        Assert.Equal(("out", SweepInvocation.SliceBinding, "sweep-slices", "AzureWebJobsStorage"),
            (slices["direction"]!.GetValue<string>(), slices["name"]!.GetValue<string>(), slices["queueName"]!.GetValue<string>(), slices["connection"]!.GetValue<string>()));
        Assert.Equal(("queueTrigger", SliceInvocation.TriggerBinding, "sweep-slices", "AzureWebJobsStorage"),
            (trigger["type"]!.GetValue<string>(), trigger["name"]!.GetValue<string>(), trigger["queueName"]!.GetValue<string>(), trigger["connection"]!.GetValue<string>()));
        Assert.Equal(("serviceBus", SweepInvocation.OutputBinding, "escalations", "ServiceBusConnection"),
            (output["type"]!.GetValue<string>(), output["name"]!.GetValue<string>(), output["queueName"]!.GetValue<string>(), output["connection"]!.GetValue<string>()));
        Assert.Contains("'sweep-slices'", File.ReadAllText(Path.Combine(FunctionFolders.RepositoryRoot, "infra", "main.bicep")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SenderInvocation.FunctionName, SenderInvocation.TriggerBinding, "escalations")]
    [InlineData(DeadLetterInvocation.FunctionName, DeadLetterInvocation.TriggerBinding, "escalations/$DeadLetterQueue")]
    public void ServiceBusTrigger_NamesWhatTheAppReads(string function, string binding, string queue)
    {
        var trigger = Assert.Single(FunctionFolders.Bindings(Functions[function]));

        Assert.Equal("serviceBusTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal(binding, trigger["name"]!.GetValue<string>());
        Assert.Equal(queue, trigger["queueName"]!.GetValue<string>());
        // The identity-based connection's prefix: ServiceBusConnection__fullyQualifiedNamespace in the app settings.
        Assert.Equal("ServiceBusConnection", trigger["connection"]!.GetValue<string>());
        // No dataType: the body arrives as (double-encoded) text, which the invocation layer unwraps.
        Assert.False(trigger.ContainsKey("dataType"));
    }

    [Fact]
    public void BuildOutput_HoldsTheAppLayout()
    {
        // host.json and the function folders land beside the executable, as they will in the published app.
        var output = FunctionFolders.Read(AppContext.BaseDirectory);

        Assert.Equal(Functions.Keys, output.Keys);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "host.json")));
    }

    private static readonly Lazy<Task<HashSet<string>>> FunctionsFoldersServed = new(FunctionFolders.ServedRoutesAsync);
}
