using System.Collections.Concurrent;
using SlaFunctions.Monitoring.Sweep;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>A slice queue that keeps the slice ids the sweep sends, as the Functions host's output binding does.</summary>
public sealed class CollectedSlices : ISliceQueue
{
    private readonly ConcurrentQueue<string> _slices = new();

    public IReadOnlyList<string> All => [.. _slices];

    public Task SendAsync(string slice, CancellationToken cancellationToken)
    {
        _slices.Enqueue(slice);
        return Task.CompletedTask;
    }
}
