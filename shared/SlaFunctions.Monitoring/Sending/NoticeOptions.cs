using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>Settings of the <c>Notices</c> section: who the roles are, when people work, and how hard to try.</summary>
public sealed class NoticeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notices";

    /// <summary>The support-management list.</summary>
    public List<string> SupportManagement { get; set; } = [];

    /// <summary>The on-call list: always told at once.</summary>
    public List<string> OnCall { get; set; } = [];

    /// <summary>Account managers by customer (the connection's <c>Customer</c>).</summary>
    public Dictionary<string, List<string>> AccountManagers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The key of <see cref="Unassigned"/> that covers every policy without a list of its own.</summary>
    public const string AnyPolicy = "*";

    /// <summary>Per policy id (or <see cref="AnyPolicy"/>), who is told in the assignee's place while a case has no
    /// assignee: roles (<c>supportManagement</c>, <c>onCall</c>, <c>accountManager</c>) and email addresses. Empty:
    /// such a notice reaches nobody through <c>assignee</c>, and the sender logs it.</summary>
    public Dictionary<string, List<string>> Unassigned { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Working hours by address or by role (<c>customer</c>, <c>assignee</c>, <c>accountManager</c>,
    /// <c>supportManagement</c>); an address wins over its role. A warning waits for its recipient's hours.</summary>
    public Dictionary<string, WorkingHoursOptions> WorkingHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone emails show times in for a recipient with no working hours.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Per policy, the severities whose breaches and escalations go out at once, day or night; by default the
    /// policy's first (most severe) severity.</summary>
    public Dictionary<string, List<string>> UrgentSeverities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends tried per recipient before a notice is set aside as poison.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a sender's claim on a recipient keeps others off (longer than one send takes).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first wait after a transient mail failure; it doubles with each attempt, up to an hour.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The working-hours calendars, built once, by address or role.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars() =>
        WorkingHours.Select(w => (w.Key, w.Value.ToCalendar($"{Section}:WorkingHours:{w.Key}").Calendar))
            .Where(w => w.Calendar is not null)
            .ToDictionary(w => w.Key, w => w.Calendar!, StringComparer.OrdinalIgnoreCase);

    /// <summary>The default zone.</summary>
    public DateTimeZone DefaultZone() => ZoneText.TryParse(DefaultTimeZone, out var zone) ? zone : DateTimeZone.Utc;

    /// <summary>Every problem with these settings, each naming its key.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (key, hours) in WorkingHours)
        {
            problems.AddRange(hours.ToCalendar($"{Section}:WorkingHours:{key}").Problems);
        }
        if (!ZoneText.TryParse(DefaultTimeZone, out _))
        {
            problems.Add($"{Section}:DefaultTimeZone '{DefaultTimeZone}' is not an IANA time zone.");
        }
        var addresses = SupportManagement.Select(a => ($"{Section}:SupportManagement", a))
            .Concat(OnCall.Select(a => ($"{Section}:OnCall", a)))
            .Concat(AccountManagers.SelectMany(m => m.Value.Select(a => ($"{Section}:AccountManagers:{m.Key}", a))));
        problems.AddRange(addresses.Where(a => !NoticeRecipients.IsAddress(a.Item2)).Select(a => $"{a.Item1} '{a.Item2}' is not an email address."));
        problems.AddRange(Unassigned.SelectMany(u => u.Value.Select(who => ($"{Section}:Unassigned:{u.Key}", who)))
            .Where(u => u.who is not ("supportManagement" or "onCall" or "accountManager") && !NoticeRecipients.IsAddress(u.who))
            .Select(u => $"{u.Item1} '{u.who}' is neither a role (supportManagement, onCall, accountManager) nor an email address."));
        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add($"{Section}:MaxAttempts {MaxAttempts} must be between 1 and 100.");
        }
        if (ClaimLease <= TimeSpan.Zero || RetryAfter <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:ClaimLease and {Section}:RetryAfter must be positive.");
        }
        return problems;
    }

    internal Duration Lease => Duration.FromTimeSpan(ClaimLease);
}
