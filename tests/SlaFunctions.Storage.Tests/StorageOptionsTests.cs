using Xunit;

namespace SlaFunctions.Storage.Tests;

public sealed class StorageOptionsTests
{
    // The due index's tables are the setting followed by the day (8 digits), within Table Storage's 63 characters:
    // every length from 3 to 70 letters, against that rule.
    [Fact]
    public void Problems_DueTableOfEveryLength_NamedWhenADayTableWouldNotFit()
    {
        for (var length = 3; length <= 70; length++)
        {
            var name = "d" + new string('x', length - 1);
            var problems = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", DueTable = name }.Problems();

            var named = problems.Any(p => p.StartsWith($"Storage:DueTable '{name}'", StringComparison.Ordinal));
            Assert.True(named == length + 8 > 63, $"a {length}-character name: {string.Join(" | ", problems)}");
        }
    }
}
