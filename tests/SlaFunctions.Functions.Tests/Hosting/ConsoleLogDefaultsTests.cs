using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Hosting;
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

        Assert.Contains(rules, r => r.CategoryName == "Microsoft.AspNetCore" && r.LogLevel == LogLevel.Warning);
        Assert.Contains(rules, r => r.CategoryName == "SlaFunctions.Sweep" && r.LogLevel == LogLevel.Warning);
    }

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
