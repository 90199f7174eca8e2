using System.Net.Mail;
using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Notices;

namespace SlaFunctions.Sending;

/// <summary>Turns a notice's roles and addresses into people: the case's contact and assignee from the notice, the
/// account manager, support management and on-call from configuration, literal addresses as written.</summary>
public sealed class NoticeRecipients
{
    private readonly NoticeOptions _options;
    private readonly IReadOnlyDictionary<string, BusinessCalendar> _hours;
    private readonly DateTimeZone _defaultZone;

    /// <summary>Uses <paramref name="options"/>.</summary>
    public NoticeRecipients(NoticeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _hours = options.Calendars();
        _defaultZone = options.DefaultZone();
    }

    /// <summary>True when <paramref name="text"/> is one plain email address.</summary>
    public static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailAddress.TryCreate(text, out var address) && address.Address == text.Trim() && text.Contains('@', StringComparison.Ordinal);

    /// <summary>The people <paramref name="notice"/> goes to, each once (by address, case-insensitive), and the
    /// roles that named nobody.</summary>
    public (IReadOnlyList<NoticeRecipient> People, IReadOnlyList<string> Unresolved) Resolve(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var people = new List<NoticeRecipient>();
        var unresolved = new List<string>();
        foreach (var name in notice.Notify)
        {
            var (addresses, customer) = name switch
            {
                "customer" => (One(notice.Case.Requester), true),
                "assignee" => (One(notice.Case.Assignee), false),
                "accountManager" => (notice.Case.Customer is { } c && _options.AccountManagers.TryGetValue(c, out var managers) ? managers : [], false),
                "supportManagement" => (_options.SupportManagement, false),
                "onCall" => (_options.OnCall, false),
                _ => (One(name), false),
            };
            var role = name is "customer" or "assignee" or "accountManager" or "supportManagement" or "onCall" ? name : "address";
            if (addresses.Count == 0)
            {
                unresolved.Add(name);
            }
            foreach (var address in addresses)
            {
                if (people.Any(p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                var hours = _hours.GetValueOrDefault(address) ?? _hours.GetValueOrDefault(role);
                people.Add(new NoticeRecipient(address, role, customer, hours?.Zone ?? _defaultZone, hours));
            }
        }
        return (people, unresolved);
    }

    private static List<string> One(string? address) => IsAddress(address) ? [address!.Trim()] : [];
}
