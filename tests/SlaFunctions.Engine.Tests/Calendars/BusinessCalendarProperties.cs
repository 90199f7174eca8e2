using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.TimeZones;
using SlaFunctions.Engine.Calendars;
using Xunit;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>General rules of open time, over random calendars in six zones (with DST, half-hour DST, fixed offsets),
/// random holidays and half-day overrides, random starts across 2026 and goals up to five weeks.</summary>
public sealed class BusinessCalendarProperties
{
    private static readonly Arbitrary<Problem> Problems = (
        from calendar in CalendarGenerators.Calendar
        let reference = calendar.ToReference()
        from start in CalendarGenerators.StartFor(reference)
        from a in CalendarGenerators.GoalFor(reference, calendar.WeeklyMinutes, start)
        from b in CalendarGenerators.GoalFor(reference, calendar.WeeklyMinutes, start)
        from span in Gen.Choose(0, 60 * 24 * 40)
        select new Problem(calendar, start, a, b, Duration.FromMinutes(span))).ToArbitrary();

    private static readonly Arbitrary<Problem> ComplementProblems = (
        from calendar in CalendarGenerators.Calendar.Where(c => c.WeeklyMinutes < CalendarCase.MinutesPerWeek)
        let reference = calendar.ToReference().Complement()
        from start in CalendarGenerators.StartFor(reference)
        from a in CalendarGenerators.GoalFor(reference, CalendarCase.MinutesPerWeek - calendar.WeeklyMinutes, start)
        from span in Gen.Choose(0, 60 * 24 * 40)
        select new Problem(calendar, start, a, Duration.Zero, Duration.FromMinutes(span))).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property AddOpenTime_RandomCalendar_MatchesReference() => Prop.ForAll(Problems, p =>
    {
        Assert.Equal(p.Calendar.ToReference().AddOpenTime(p.Start, p.A), p.Calendar.ToCalendar().AddOpenTime(p.Start, p.A));
    });

    [Property(MaxTest = 200)]
    public Property OpenTimeBetween_RandomRange_MatchesReference() => Prop.ForAll(Problems, p =>
    {
        Assert.Equal(p.Calendar.ToReference().OpenTime(p.Start, p.Start + p.Span), p.Calendar.ToCalendar().OpenTimeBetween(p.Start, p.Start + p.Span));
    });

    [Property(MaxTest = 150)]
    public Property OpenIntervals_RandomRange_InOrderAndCoverTheReferenceSet() => Prop.ForAll(Problems, p =>
    {
        var end = p.Start + Duration.FromMinutes(p.Span.TotalMinutes % (10 * 24 * 60));
        var intervals = p.Calendar.ToCalendar().OpenIntervals(p.Start, end).ToList();
        var merged = new List<(Instant Start, Instant End)>();
        foreach (var interval in intervals)
        {
            Assert.True(merged.Count == 0 || interval.Start >= merged[^1].End, $"{interval} overlaps or precedes the one before");
            if (merged.Count > 0 && interval.Start == merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, interval.End);
            }
            else
            {
                merged.Add((interval.Start, interval.End));
            }
        }

        Assert.Equal(p.Calendar.ToReference().OpenSet(p.Start, end), merged);
    });

    [Property(MaxTest = 200)]
    public Property OpenTimeBetween_StartToDue_IsTheGoal() => Prop.ForAll(Problems, p =>
    {
        var calendar = p.Calendar.ToCalendar();

        Assert.Equal(p.A, calendar.OpenTimeBetween(p.Start, calendar.AddOpenTime(p.Start, p.A)));
    });

    [Property(MaxTest = 150)]
    public Property AddOpenTime_LargerGoal_NeverEarlier() => Prop.ForAll(Problems, p =>
    {
        var calendar = p.Calendar.ToCalendar();
        var (small, large) = p.A <= p.B ? (p.A, p.B) : (p.B, p.A);

        Assert.True(calendar.AddOpenTime(p.Start, small) <= calendar.AddOpenTime(p.Start, large), $"{small} is due after {large}");
    });

    [Property(MaxTest = 150)]
    public Property AddOpenTime_LaterStart_NeverEarlier() => Prop.ForAll(Problems, p =>
    {
        var calendar = p.Calendar.ToCalendar();
        var later = p.Start + Duration.FromMinutes(p.Span.TotalMinutes % (3 * 24 * 60));

        Assert.True(calendar.AddOpenTime(p.Start, p.A) <= calendar.AddOpenTime(later, p.A), $"starting at {later} is due earlier");
    });

    [Property(MaxTest = 150)]
    public Property AddOpenTime_InTwoSteps_SameAsInOne() => Prop.ForAll(Problems, p =>
    {
        // A first step that ends exactly at a closing (GoalFor draws those often) is due at that closing; the second
        // step then counts from the next opening, so the split changes nothing (spec: Due instant).
        var calendar = p.Calendar.ToCalendar();
        var first = p.A == Duration.Zero ? Duration.FromMinutes(1) : p.A;

        Assert.Equal(calendar.AddOpenTime(p.Start, first + p.B), calendar.AddOpenTime(calendar.AddOpenTime(p.Start, first), p.B));
    });

    [Property(MaxTest = 200)]
    public Property IsOpenAt_RandomInstant_MatchesReference() => Prop.ForAll(Problems, p =>
    {
        var reference = p.Calendar.ToReference();
        var calendar = p.Calendar.ToCalendar();
        var next = reference.OpenSet(p.Start, p.Start + Duration.FromDays(60))[0].Start;

        Assert.Equal(reference.IsOpenAt(p.Start), calendar.IsOpenAt(p.Start));
        Assert.Equal(next, calendar.NextOpening(p.Start));
    });

    [Property(MaxTest = 150)]
    public Property OpenTimeBetween_CalendarPlusComplement_ElapsedTime() => Prop.ForAll(ComplementProblems, p =>
    {
        var calendar = p.Calendar.ToCalendar();
        var complement = calendar.Complement("complement");
        var end = p.Start + p.Span;

        Assert.Equal(p.Span, calendar.OpenTimeBetween(p.Start, end) + complement.OpenTimeBetween(p.Start, end));
    });

    [Property(MaxTest = 150)]
    public Property AddOpenTime_Complement_MatchesReference() => Prop.ForAll(ComplementProblems, p =>
    {
        var complement = p.Calendar.ToCalendar().Complement("complement");

        Assert.Equal(p.Calendar.ToReference().Complement().AddOpenTime(p.Start, p.A), complement.AddOpenTime(p.Start, p.A));
    });

    [Property(MaxTest = 150)]
    public Property AddBusinessDays_RandomCalendar_SameWallClockOnNthOpenDay() => Prop.ForAll(Problems, p =>
    {
        // Reference: move to the next opening, then count following dates whose intervals (after holidays and
        // overrides) are not empty, and keep the wall-clock time (spec: Durations, businessDays).
        var days = (int)(p.Span.TotalMinutes % 12);
        var opening = p.Calendar.ToReference().OpenSet(p.Start, p.Start + Duration.FromDays(60))[0].Start;
        var local = opening.InZone(p.Calendar.Zone).LocalDateTime;
        var date = local.Date;
        for (var counted = 0; counted < days;)
        {
            date = date.PlusDays(1);
            counted += p.Calendar.On(date).Length > 0 ? 1 : 0;
        }
        var expected = date.At(local.TimeOfDay).InZone(p.Calendar.Zone, Resolvers.LenientResolver).ToInstant();

        Assert.Equal(expected, p.Calendar.ToCalendar().AddBusinessDays(p.Start, days));
    });

    /// <summary>One drawn case: a calendar, a start, two goals and a span.</summary>
    internal sealed record Problem(CalendarCase Calendar, Instant Start, Duration A, Duration B, Duration Span)
    {
        public override string ToString() => $"{Calendar} | start {Start} | a {A} | b {B} | span {Span}";
    }
}
