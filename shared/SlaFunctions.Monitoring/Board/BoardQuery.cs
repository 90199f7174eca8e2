using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Board;

/// <summary>Judges board rows at an instant: which target matters, how late or how much open time is left, and
/// whether that time is being used up now.</summary>
/// <remarks>A stored row holds its targets as evaluated at its last webhook. Nothing has happened to the case since
/// (or it would have been re-evaluated), so a target running then still runs towards the same due: it is breached
/// once that due has passed, and its open time left is the calendar's open time from now to the due.</remarks>
internal static class BoardQuery
{
    public static BoardView Build(BoardSnapshot board, PolicyCatalog policies, Instant now, BoardFilter filter, int limit)
    {
        var rows = board.Rows;
        // Rows are sorted by the instant they were judged to breach; a running row whose due has passed keeps its place.
        var judged = rows.Where(filter.Passes).Select(r => (Row: r, Case: Judge(r, policies, now, detailed: false))).ToList();
        // The counts are of every state among the cases the other filters pass, so a state filter still shows them all.
        var matching = filter.State is null ? judged : judged.Where(j => j.Case.State == filter.State).ToList();
        return new BoardView
        {
            AsOf = InstantText.Format(now),
            ReadAt = InstantText.Format(board.ReadAt),
            Open = rows.Count,
            Matching = matching.Count,
            Counts = BoardFilter.States.ToDictionary(s => s, s => judged.Count(j => j.Case.State == s)),
            Facets = board.Facets,
            Cases = [.. matching.Take(limit).Select(j => Judge(j.Row, policies, now, detailed: true))],
        };
    }

    // detailed: also the open time left and the calendar's next change, which cost a calendar walk each.
    private static BoardCase Judge(BoardRow row, PolicyCatalog policies, Instant now, bool detailed)
    {
        policies.TryGet(row.Case.PolicyId, row.Case.OpenedAt, out var policy);
        var c = row.Case;
        var card = new BoardCase
        {
            Connection = c.Key.Connection,
            ExternalId = c.Key.ExternalId,
            PolicyId = c.PolicyId,
            Customer = row.Customer,
            Severity = c.Severity,
            SeverityName = c.Severity is null ? null : policy?.FindSeverity(c.Severity)?.Name,
            Status = c.Status,
            Unmapped = c.Unmapped,
            Title = c.Title,
            Url = c.Url,
            Assignee = c.Assignee,
            OpenedAt = InstantText.Format(c.OpenedAt),
            EvaluatedAt = InstantText.Format(c.EvaluatedAt),
            State = "waiting",
        };
        if (row.Targets.Where(t => BreachedAt(t, now) is not null).MinBy(t => BreachedAt(t, now)) is { } breached)
        {
            var at = BreachedAt(breached, now)!.Value;
            return card with
            {
                State = "breached",
                Target = breached.Name,
                DueAt = InstantText.Format(at),
                BreachedAt = InstantText.Format(at),
                LateBy = IsoDuration.Format(now - at),
            };
        }
        // At risk once past a running target's first warning point (the webhooks' atRisk); the one due first decides.
        var atRisk = row.Targets.Where(t => t.State == TargetState.Running && t.DueAt is not null && t.AtRiskAt <= now).MinBy(t => t.DueAt);
        if ((atRisk ?? row.Targets.Where(t => t.State == TargetState.Running && t.DueAt is not null).MinBy(t => t.DueAt)) is { } running)
        {
            card = card with
            {
                State = atRisk is null ? "running" : "atRisk",
                Target = running.Name,
                DueAt = InstantText.Format(running.DueAt),
                AtRiskAt = InstantText.Format(running.AtRiskAt),
            };
            return detailed && CalendarOf(policy, running.Calendar) is { } calendar ? WithOpenTime(card, calendar, now, running.DueAt!.Value) : card;
        }
        if (row.Targets.Where(t => t.State == TargetState.Paused).MinBy(t => t.PausedSince) is { } paused)
        {
            return card with
            {
                State = "paused",
                Target = paused.Name,
                PausedSince = InstantText.Format(paused.PausedSince),
                PausedBecause = c.Status switch
                {
                    "pending" => "waiting on the customer (pending)",
                    "onHold" => "on hold",
                    var other => $"status {other}",
                },
            };
        }
        return card;
    }

    // Breached when stored so, or when a due it was running towards has passed since.
    private static Instant? BreachedAt(TargetRecord t, Instant now) =>
        t.State == TargetState.Breached ? t.BreachedAt ?? t.DueAt : t.State == TargetState.Running && t.DueAt <= now ? t.DueAt : null;

    private static BoardCase WithOpenTime(BoardCase card, BusinessCalendar calendar, Instant now, Instant due)
    {
        var next = calendar.OpenIntervals(now, due).Cast<Interval?>().FirstOrDefault();
        var ticking = next is { } open && open.Start == now;
        Instant? changesAt = next is not { } interval ? null : ticking ? (interval.End < due ? interval.End : null) : interval.Start;
        return card with
        {
            Remaining = IsoDuration.Format(calendar.OpenTimeBetween(now, due)),
            Ticking = ticking,
            ChangesAt = InstantText.Format(changesAt),
        };
    }

    private static BusinessCalendar? CalendarOf(Policy? policy, string name) =>
        policy is null ? null
        : policy.Calendars.TryGetValue(name, out var calendar) ? calendar
        : name == BusinessCalendar.AlwaysOpenName ? BusinessCalendar.AlwaysOpen : null;
}
