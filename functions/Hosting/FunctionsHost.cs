using System.Globalization;
using Microsoft.Extensions.Options;

namespace SlaFunctions.Hosting;

/// <summary>Running as an Azure Functions custom handler: the host starts the executable with
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set and calls it on that port, on loopback.</summary>
public static class FunctionsHost
{
    /// <summary>The setting (an environment variable from the host) that holds the port to listen on.</summary>
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>True when the Functions host started the app; false when it runs standalone.</summary>
    public static bool IsPresent(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrEmpty(configuration[PortSetting]);
    }

    /// <summary>Behind the host, listens on <c>http://127.0.0.1:{port}</c> (the only address the host calls) instead
    /// of the <c>urls</c> setting; standalone, changes nothing.</summary>
    /// <exception cref="OptionsValidationException">The port setting is not a TCP port.</exception>
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = builder.Configuration[PortSetting];
        if (string.IsNullOrEmpty(port))
        {
            return builder;
        }
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new OptionsValidationException(PortSetting, typeof(string), [$"{PortSetting}: '{port}' is not a TCP port (1-65535)."]);
        }
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{number}"));
        return builder;
    }
}
