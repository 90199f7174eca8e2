using SlaFunctions.Engine.Calendars;
using Xunit;

namespace SlaFunctions.Engine.Tests.Calendars;

public sealed class OpeningIntervalTests
{
    [Theory]
    [InlineData("09:00-17:00", 540, 1020)] // an ordinary day
    [InlineData("08:00-01:00", 480, 1500)] // end not after start: crosses midnight into the next day (LumenVox)
    [InlineData("00:00-24:00", 0, 1440)] // the whole day
    [InlineData("22:00-00:00", 1320, 1440)] // ends exactly at midnight
    [InlineData("09:00-09:00", 540, 1980)] // equal ends: a full 24 h to the next morning
    [InlineData(" 09:30 - 10:15 ", 570, 615)] // spaces around the parts are tolerated
    public void TryParse_ValidText_MinuteOffsets(string text, int start, int end)
    {
        Assert.True(OpeningInterval.TryParse(text, out var interval));
        Assert.Equal(new OpeningInterval(start, end), interval);
    }

    [Theory]
    [InlineData(null)] // nothing
    [InlineData("")] // empty
    [InlineData("9:00-17:00")] // one-digit hour
    [InlineData("09:60-10:00")] // minute 60
    [InlineData("24:00-01:00")] // 24:00 is only an end
    [InlineData("25:00-26:00")] // no such hour
    [InlineData("09:00")] // no end
    [InlineData("09:00-17:00-18:00")] // two dashes
    public void TryParse_InvalidText_False(string? text)
    {
        Assert.False(OpeningInterval.TryParse(text, out _));
    }

    [Theory]
    [InlineData("09:00-17:00")] // ordinary
    [InlineData("08:00-01:00")] // crossing midnight is written with the next day's clock
    [InlineData("00:00-24:00")] // the whole day keeps 24:00
    public void ToString_ParsedText_RoundTrips(string text)
    {
        Assert.True(OpeningInterval.TryParse(text, out var interval));
        Assert.Equal(text, interval.ToString());
    }

    [Theory]
    [InlineData(-1, 60)] // before midnight
    [InlineData(1440, 1500)] // starts on the next day
    [InlineData(600, 600)] // empty
    [InlineData(600, 2881)] // ends after midnight two days on
    public void Constructor_OutOfRange_Throws(int start, int end)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpeningInterval(start, end));
    }
}
