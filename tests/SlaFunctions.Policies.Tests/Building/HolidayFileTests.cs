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
