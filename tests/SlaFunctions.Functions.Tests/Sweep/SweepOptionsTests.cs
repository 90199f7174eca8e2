using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>The fan-out's settings, checked at start naming the key.</summary>
public sealed class SweepOptionsTests
{
    [Fact]
    public void Problems_Defaults_None()
    {
        Assert.Empty(new SweepOptions().Problems());
        Assert.Empty(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }.Problems());
    }

    [Theory]
    [InlineData(-1, 200, 5, "Sweep:InlineCases")] // 0 (always fan out) is the least
    [InlineData(200, 0, 5, "Sweep:SliceCases")] // a slice holds at least one case
    [InlineData(200, 1001, 5, "Sweep:SliceCases")] // a slice's row keys must fit one table property
    [InlineData(200, 200, 0, "Sweep:SliceLease")] // a slice would be queued again at every sweep
    public void Problems_FanOutOutOfRange_NamesTheKey(int inline, int slice, int leaseMinutes, string key)
    {
        var options = new SweepOptions { InlineCases = inline, SliceCases = slice, SliceLease = TimeSpan.FromMinutes(leaseMinutes) };

        Assert.Contains(options.Problems(), p => p.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_SliceQueueNameNotAQueueName_NamesTheKey()
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", SliceQueueName = "Sweep_Slices" };

        Assert.Contains(options.Problems(), p => p.StartsWith("Storage:SliceQueueName 'Sweep_Slices'", StringComparison.Ordinal));
    }
}
