using Microsoft.Extensions.Configuration.Memory;
using SlaFunctions.Invocations;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Standalone;

namespace SlaFunctions.Hosting;

/// <summary>The console's log levels when nothing else sets them: what happens once (start-up, policies loaded,
/// problems) is printed; what happens on every request, sweep and email is not. Left at Information, a run printed
/// about 1,100 lines in four minutes and scrolled the start-up lines away (issue 15). Other providers (OpenTelemetry)
/// keep their own levels.</summary>
/// <remarks>The defaults are the lowest-priority configuration source, so <c>Logging:Console:LogLevel:*</c> from
/// any setting (e.g. <c>Logging__Console__LogLevel__SlaFunctions=Information</c>) wins.</remarks>
public static class ConsoleLogDefaults
{
    /// <summary>The defaults, by key.</summary>
    public static IReadOnlyDictionary<string, string?> Levels { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Logging:Console:LogLevel:Default"] = "Information",
        // "Request starting/finished", routing and the like, per request.
        ["Logging:Console:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:Console:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        // "Swept N cases due", per minute and per case; "Notice sent to", per email; "Sweep done", per invocation and
        // per standalone timer tick. Named by the loggers' own namespaces, so a move cannot leave a name behind.
        [Key(typeof(Sweeper))] = "Warning",
        [Key(typeof(NoticeSender))] = "Warning",
        [Key(typeof(SweepInvocation))] = "Warning",
        [Key(typeof(SweepTimer))] = "Warning",
    };

    private static string Key(Type logged) => "Logging:Console:LogLevel:" + logged.Namespace;

    /// <summary>Puts <see cref="Levels"/> under every other source of <paramref name="configuration"/>.</summary>
    public static IConfigurationBuilder AddConsoleLogDefaults(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return configuration;
    }
}
