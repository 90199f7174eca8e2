using System.Net;
using System.Net.Sockets;

/// <summary>A TCP relay in front of one Azurite service that counts the HTTP requests passing through it (each
/// request line ends in " HTTP/1.1"), so a run can say how many storage calls the app made while idle and under load.</summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private static readonly byte[] Marker = " HTTP/1.1\r\n"u8.ToArray();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _requests;

    public CountingProxy(int target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long Requests => Interlocked.Read(ref _requests);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                var up = CopyAsync(client.GetStream(), server.GetStream(), count: true);
                var down = CopyAsync(server.GetStream(), client.GetStream(), count: false);
                await Task.WhenAny(up, down);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // A connection closed by either side: nothing to count.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, bool count)
    {
        var buffer = new byte[64 * 1024];
        // The marker may straddle two reads: the tail of the last read is searched with the next.
        var carry = new List<byte>(Marker.Length);
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (count)
                {
                    var window = carry.Concat(buffer.Take(read)).ToArray();
                    for (var at = 0; (at = window.AsSpan(at).IndexOf(Marker)) >= 0;)
                    {
                        Interlocked.Increment(ref _requests);
                        at += Marker.Length;
                        window = window[at..];
                        at = 0;
                    }
                    carry.Clear();
                    carry.AddRange(window.TakeLast(Marker.Length - 1));
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed.
        }
        finally
        {
            try
            {
                to.Socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
