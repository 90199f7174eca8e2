using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Notices;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>A notice judged again at the instant it is sent, so an email is true when it is read: a warning held for
/// working hours (or retried) that its target has overtaken is dropped, and the time left or late is as of sending.</summary>
/// <remarks>The notice keeps its point's instant and due, which the email shows beside the sending time. A breach or
/// an escalation is never dropped: what happened stays.</remarks>
public static class NoticeAtSending
{
    // The run's start from a point key target/rule/runStart/occurrence; null for a key without one.
    private static long? RunStart(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 4 && long.TryParse(parts[2], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }

    /// <summary><paramref name="notice"/> as of <paramref name="now"/>, or null when it is overtaken: a warning whose
    /// target's run is no longer running (met, breached, stopped, or followed by a new run) in
    /// <paramref name="record"/>. Without the policy or the case, the notice goes as it is, re-timed where its
    /// calendar is known.</summary>
    public static Notice? Judge(Notice notice, Policy? policy, CaseRecord? record, Instant now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var sent = notice with { SentAt = now };
        if (notice.Target is not { } target || notice.Kind == NoticeKind.StateChanged || policy is null)
        {
            return sent;
        }
        if (notice.Kind == NoticeKind.Warning && record is not null)
        {
            var history = new CaseHistory(record.Snapshot.OpenedAt, record.Snapshot.OpenedSeverity, record.History.Select(h => h.Event));
            var status = new CaseClock(policy, history).StateAt(now).Targets.FirstOrDefault(t => t.Name == target.Name);
            if (status is null || status.State is not (TargetState.Running or TargetState.Paused)
                || (RunStart(notice.Key) is { } run && status.StartedAt?.ToUnixTimeSeconds() != run))
            {
                return null;
            }
            // Still the same run and still to be met: warn against its due as it stands now (a pause may have moved it).
            target = target with { DueAt = status.DueAt ?? target.DueAt };
        }
        if (!policy.Calendars.TryGetValue(target.Calendar, out var calendar))
        {
            return sent;
        }
        return sent with
        {
            Target = target with
            {
                Remaining = now < target.DueAt ? calendar.OpenTimeBetween(now, target.DueAt) : null,
                Overdue = now >= target.DueAt ? calendar.OpenTimeBetween(target.DueAt, now) : null,
            },
        };
    }
}
