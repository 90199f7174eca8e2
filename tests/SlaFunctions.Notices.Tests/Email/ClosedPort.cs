using System.Net;
using System.Net.Sockets;

namespace SlaFunctions.Notices.Tests.Email;

/// <summary>A loopback port nobody listens on, so connecting to it is refused.</summary>
internal static class ClosedPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
