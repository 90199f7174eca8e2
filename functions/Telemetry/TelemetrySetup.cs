using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SlaFunctions.Hosting;
using SlaFunctions.Monitoring.Telemetry;

namespace SlaFunctions.Telemetry;

/// <summary>Turns on the app's telemetry where somebody reads it: traces and metrics to Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is, and
/// nothing extra otherwise. Behind the Functions host, logs are single-line JSON with their level, so a warning stays a
/// warning in the host's log stream.</summary>
public static class TelemetrySetup
{
    /// <summary>The Azure SDK's switch for its own spans (Table Storage calls as dependencies).</summary>
    private const string AzureSdkSpans = "Azure.Experimental.EnableActivitySource";

    /// <summary>Adds the exporters the environment asks for.</summary>
    public static WebApplicationBuilder AddSlaTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (FunctionsHost.IsPresent(builder.Configuration))
        {
            builder.Logging.AddJsonConsole(o => o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false });
        }
        var appInsights = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(appInsights) && string.IsNullOrWhiteSpace(otlp))
        {
            return builder;
        }
        AppContext.SetSwitch(AzureSdkSpans, true);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(SlaTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(SlaTelemetry.Name)
                .AddSource("Azure.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(SlaTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(appInsights))
        {
            var clientId = ClientIdOf(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = appInsights;
                // Local auth is off on the component (monitoring.bicep): telemetry goes with the app's identity's token.
                if (clientId is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    // "Authorization=AAD;ClientId=<id>", as the host reads it, to the client id; null when absent.
    internal static string? ClientIdOf(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }
        foreach (var part in authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase) && pair[1].Length > 0)
            {
                return pair[1];
            }
        }
        return null;
    }
}
