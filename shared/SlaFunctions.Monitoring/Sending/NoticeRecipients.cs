using System.Net.Mail;
using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Hooks;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>Turns a notice's roles and addresses into people: the case's contact and assignee from the notice, the
/// account manager, support management and on-call from configuration, literal addresses as written. A state change
/// goes to the webhook endpoints it names instead.</summary>
public sealed class NoticeRecipients
{
    /// <summary>The role of a webhook endpoint, whose address is <c>hook:&lt;name&gt;</c>.</summary>
    public const string HookRole = "hook";

    private readonly NoticeOptions _options;
    private readonly HookOptions _hooks;
    private readonly IReadOnlyDictionary<string, BusinessCalendar> _hours;
    private readonly DateTimeZone _defaultZone;

    /// <summary>Uses <paramref name="options"/> for people and <paramref name="hooks"/> for webhook endpoints.</summary>
    public NoticeRecipients(NoticeOptions options, HookOptions hooks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hooks);
        _options = options;
        _hooks = hooks;
        _hours = options.Calendars();
        _defaultZone = options.DefaultZone();
    }

    /// <summary>True when <paramref name="text"/> is one plain email address.</summary>
    public static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailAddress.TryCreate(text, out var address) && address.Address == text.Trim() && text.Contains('@', StringComparison.Ordinal);

    /// <summary>The people <paramref name="notice"/> goes to, each once (by address, case-insensitive), and the
    /// roles that named nobody. For a state change, the configured webhook endpoints it names (never held for working
    /// hours), and the names no longer configured.</summary>
    public (IReadOnlyList<NoticeRecipient> People, IReadOnlyList<string> Unresolved) Resolve(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Kind == NoticeKind.StateChanged)
        {
            var endpoints = notice.Notify.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return ([.. endpoints.Where(e => _hooks.EndpointOf(e, out _) is not null).Select(e => new NoticeRecipient(e, HookRole, false, DateTimeZone.Utc, null))],
                [.. endpoints.Where(e => _hooks.EndpointOf(e, out _) is null)]);
        }
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
