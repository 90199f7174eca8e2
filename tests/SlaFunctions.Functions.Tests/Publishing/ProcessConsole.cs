using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>What a started process writes to stdout and stderr, kept as it comes and safe to read at any time.</summary>
public sealed class ProcessConsole
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts reading <paramref name="process"/>'s output, which must be redirected.</summary>
    public static ProcessConsole Attach(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var console = new ProcessConsole();
        process.OutputDataReceived += (_, e) => console.Record(e.Data);
        process.ErrorDataReceived += (_, e) => console.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return console;
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }
    }
}
