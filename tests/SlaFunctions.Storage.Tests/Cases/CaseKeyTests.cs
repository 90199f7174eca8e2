using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Storage.Tests.Cases;

public sealed class CaseKeyTests
{
    [Theory]
    [InlineData("acme-zendesk", "35436")] // plain
    [InlineData("acme/eu", "a#b?c")] // characters Table Storage forbids in keys
    [InlineData("x|y", "100%")] // the separator and the escape character itself
    [InlineData("ünïcode", "tab\there")] // non-ASCII and a control character
    public void FromPartitionKey_RoundTrips(string connection, string externalId)
    {
        var key = new CaseKey(connection, externalId);

        Assert.DoesNotMatch(@"[/\\#?\t]", key.PartitionKey);
        Assert.Equal(key, CaseKey.FromPartitionKey(key.PartitionKey));
    }
}
