using NodaTime;
using SlaFunctions.Policies.Building;
using Xunit;

namespace SlaFunctions.Policies.Tests.Building;

public sealed class HolidayFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sla-holidays-").FullName;

    private const string Feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SlaFunctions//tests//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:xmas@test\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas and Boxing Day\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nUID:ny@test\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nUID:party@test\r\nDTSTART:20261218T150000Z\r\nDTEND:20261218T170000Z\r\nSUMMARY:Office party (timed, not a holiday)\r\nEND:VEVENT\r\n"
        + "END:VCALENDAR\r\n";

    [Fact]
    public void Read_AllDayEvents_AreHolidaysWithExclusiveEnd()
    {
        var dates = HolidayFile.Read(Feed);

        Assert.Equal([new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 26), new LocalDate(2027, 1, 1)], dates);
    }

    [Fact]
    public void Read_RecurringEvents_EveryYearToTheEndOfTheSpan()
    {
        const string recurring = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SlaFunctions//tests//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:tg@test\r\nDTSTART;VALUE=DATE:20261126\r\nDTEND;VALUE=DATE:20261128\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\nSUMMARY:Thanksgiving and the day after\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

        var dates = HolidayFile.Read(recurring);

        Assert.Equal([new LocalDate(2026, 11, 26), new LocalDate(2026, 11, 27), new LocalDate(2027, 11, 25), new LocalDate(2027, 11, 26)], dates.Take(4));
        Assert.Equal(new LocalDate(2100, 11, 26), dates[^1]); // Thanksgiving 2100 is Thursday November 25
        Assert.Equal((2100 - 2026 + 1) * 2, dates.Count);
    }

    [Fact]
    public void Read_BadRecurrenceRule_IsAFormatException()
    {
        const string broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SlaFunctions//tests//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:bad@test\r\nDTSTART;VALUE=DATE:20261126\r\nRRULE:FREQ=SOMETIMES;BYDAY=4TH\r\nSUMMARY:Bad\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

        Assert.Throws<FormatException>(() => HolidayFile.Read(broken));
    }

    [Fact]
    public void Read_LumedxFile_SameWeekdaysAsTheEquivalentYearlyRules()
    {
        // holidays/us-business-holidays.ics writes each observed holiday as three RRULE events; Xecuritas' rules state
        // the same set plus Presidents' Day. Their closed weekdays must agree year after year.
        var lumedx = Seeds.SeedPolicies.Lumedx.Calendars["business"];
        var xecuritas = Seeds.SeedPolicies.Xecuritas.Calendars["business"];
        for (var date = new LocalDate(2026, 1, 1); date.Year <= 2100; date = date.PlusDays(1))
        {
            if (date.DayOfWeek >= IsoDayOfWeek.Saturday)
            {
                continue;
            }
            var presidentsDay = date.Month == 2 && date.DayOfWeek == IsoDayOfWeek.Monday && date.Day is >= 15 and <= 21;
            Assert.True(
                (lumedx.HoursOn(date).Count == 0) == (xecuritas.HoursOn(date).Count == 0 && !presidentsDay),
                $"{date:yyyy-MM-dd}: LUMEDX closed {lumedx.HoursOn(date).Count == 0}, Xecuritas closed {xecuritas.HoursOn(date).Count == 0}");
        }
    }

    [Fact]
    public void ReadFile_HolidaysFrom_ClosesThoseDates()
    {
        File.WriteAllText(Path.Combine(_folder, "uk.ics"), Feed);
        var policyFile = Path.Combine(_folder, "acme.yaml");
        File.WriteAllText(policyFile, PolicyText.Valid.Replace("holidays: [\"2026-12-25\"]", "holidaysFrom: uk.ics", StringComparison.Ordinal));

        var result = PolicyReader.ReadFile(policyFile);

        Assert.Empty(result.Problems);
        var business = result.Policy!.Calendars["business"];
        // Thu 2026-12-24 16:00 EST with 2h left: 1h on Thursday, Fri 25 is a holiday, the weekend is closed, so Mon 09:00.
        var due = business.AddOpenTime(Instant.FromUtc(2026, 12, 24, 21, 0), Duration.FromHours(2));
        Assert.Equal(Instant.FromUtc(2026, 12, 28, 14, 0), due);
    }

    [Fact]
    public void ReadFile_MissingHolidayFile_IsAProblemAtItsPath()
    {
        var policyFile = Path.Combine(_folder, "acme.yaml");
        File.WriteAllText(policyFile, PolicyText.Valid.Replace("holidays: [\"2026-12-25\"]", "holidaysFrom: nowhere.ics", StringComparison.Ordinal));

        var result = PolicyReader.ReadFile(policyFile);

        Assert.Contains(result.Problems, p => p.Path == "calendars.business.holidaysFrom" && p.Message.Contains("not found", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
