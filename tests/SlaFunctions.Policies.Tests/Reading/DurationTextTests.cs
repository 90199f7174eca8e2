using NodaTime;
using SlaFunctions.Policies.Reading;
using Xunit;

namespace SlaFunctions.Policies.Tests.Reading;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90m", 90)] // minutes
    [InlineData("4h", 240)] // hours
    [InlineData("1h30m", 90)] // combined
    [InlineData("2d", 2880)] // a day is 24 h of open time (spec: Durations)
    [InlineData("PT4H", 240)] // ISO-8601
    [InlineData("PT1H30M", 90)] // ISO-8601 combined
    [InlineData("P2D", 2880)] // ISO days are 24 h too
    [InlineData("P1W", 10080)] // ISO weeks
    [InlineData("0m", 0)] // zero is a duration (rules decide where it is allowed)
    public void TryParse_AcceptedForms_GiveMinutes(string text, int minutes)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(Duration.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("3x")] // unknown unit
    [InlineData("4")] // a number without a unit is ambiguous
    [InlineData("h")] // a unit without a number
    [InlineData("P1M")] // months are not a fixed length
    [InlineData("1m1h")] // units out of order
    [InlineData("")] // empty
    [InlineData("-4h")] // negative
    public void TryParse_Rejected(string text) => Assert.False(DurationText.TryParse(text, out _));
}
