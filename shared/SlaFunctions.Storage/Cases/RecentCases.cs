using System.Collections.Concurrent;

namespace SlaFunctions.Storage.Cases;

/// <summary>The cases this process read or wrote last, each with the ETag of its row, so a delivery to a case seen
/// recently commits without reading it first.</summary>
/// <remarks>A copy here may be stale (another instance wrote the case since): the commit's If-Match then fails and
/// the store reads the case afresh, so the copy saves a round trip. A delivery id the copy holds is a duplicate
/// whatever else changed since, because a case's history only grows and no case is deleted. Bounded: at
/// <see cref="Capacity"/> cases it starts again empty.</remarks>
internal sealed class RecentCases
{
    /// <summary>The most cases kept.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<CaseKey, StoredCase> _cases = new();

    public StoredCase? Get(CaseKey key) => _cases.TryGetValue(key, out var stored) ? stored : null;

    public void Remember(CaseKey key, StoredCase stored)
    {
        if (_cases.Count >= Capacity)
        {
            _cases.Clear();
        }
        _cases[key] = stored;
    }

    public void Forget(CaseKey key) => _cases.TryRemove(key, out _);
}
