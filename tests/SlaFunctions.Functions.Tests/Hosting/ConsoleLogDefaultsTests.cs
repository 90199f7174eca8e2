using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Hosting;
using SlaFunctions.Invocations;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Standalone;
using Xunit;

namespace SlaFunctions.Functions.Tests.Hosting;

public sealed class ConsoleLogDefaultsTests
{
    [Fact]
    public async Task App_NoLoggingSettings_ConsoleQuietForRequestsAndSweeps()
    {
        await using var api = new CaseApi(Instant.FromUtc(2026, 3, 9, 9, 0));

        var rules = api.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules
            .Where(r => r.ProviderName is "Console" or "Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider").ToList();

        Assert.Equal(LogLevel.Warning, ConsoleLevel(rules, "Microsoft.AspNetCore.Hosting.Diagnostics"));
        // The loggers that write per sweep, per case, per email and per invocation, by their own type names.
        Assert.All(
            [typeof(Sweeper), typeof(NoticeSender), typeof(SweepTimer), typeof(NoticeQueueListener), typeof(SweepInvocation), typeof(SenderInvocation)],
            logged => Assert.Equal(LogLevel.Warning, ConsoleLevel(rules, logged.FullName!)));
        // Start-up lines stay.
        Assert.Equal(LogLevel.Information, ConsoleLevel(rules, "SlaFunctions.Policies.PolicyCatalog"));
    }

    // The level the console applies to a category: its rule with the longest matching category prefix, as the logger
    // factory chooses.
    private static LogLevel? ConsoleLevel(IReadOnlyList<LoggerFilterRule> rules, string category) => rules
        .Where(r => r.CategoryName is null || category.StartsWith(r.CategoryName, StringComparison.OrdinalIgnoreCase))
        .OrderByDescending(r => r.CategoryName?.Length ?? 0)
        .First().LogLevel;

    [Fact]
    public void AddConsoleLogDefaults_LevelSetElsewhere_ThatSettingWins()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("Logging:Console:LogLevel:SlaFunctions.Sweep", "Information")]);

        configuration.AddConsoleLogDefaults();

        Assert.Equal("Information", configuration["Logging:Console:LogLevel:SlaFunctions.Sweep"]);
        Assert.Equal("Warning", configuration["Logging:Console:LogLevel:Microsoft.AspNetCore"]);
    }
}
