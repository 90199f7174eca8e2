using System.Net.Mail;
using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Hooks;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>Turns a notice's roles and addresses into people: the case's contact and assignee from the notice, the
/// account manager, support management and on-call from configuration, literal addresses as written. A state change
/// goes to the webhook endpoints it names instead.</summary>
public sealed class NoticeRecipients
{
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
            return ([.. endpoints.Where(e => _hooks.EndpointOf(e, out _) is not null).Select(e => new NoticeRecipient(e, Role: null, IsHook: true, DateTimeZone.Utc, null))],
                [.. endpoints.Where(e => _hooks.EndpointOf(e, out _) is null)]);
        }
        var people = new List<NoticeRecipient>();
        var unresolved = new List<string>();
        foreach (var name in notice.Notify)
        {
            var recipient = Recipient.Named(name);
            var told = Told(recipient, notice);
            // Nobody is assigned yet: the policy's fallback (Notices:Unassigned) hears in the assignee's place.
            if (told.Count == 0 && recipient.Role == RecipientRole.Assignee)
            {
                told = [.. Unassigned(notice.Case.Policy).SelectMany(fallback => Told(Recipient.Named(fallback), notice))];
            }
            if (told.Count == 0)
            {
                unresolved.Add(name);
            }
            foreach (var (address, role) in told)
            {
                if (people.Any(p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                var hours = _hours.GetValueOrDefault(address) ?? (role is { } r ? _hours.GetValueOrDefault(Recipient.NameOf(r)) : null);
                people.Add(new NoticeRecipient(address, role, IsHook: false, hours?.Zone ?? _defaultZone, hours));
            }
        }
        return (people, unresolved);
    }

    // The addresses one notify entry names, each with the role it was reached through (none for an address).
    private List<(string Address, RecipientRole? Role)> Told(Recipient recipient, Notice notice)
    {
        var addresses = recipient.Role switch
        {
            RecipientRole.Customer => One(notice.Case.Requester),
            RecipientRole.Assignee => One(notice.Case.Assignee),
            RecipientRole.AccountManager => notice.Case.Customer is { } c && _options.AccountManagers.TryGetValue(c, out var managers) ? managers : [],
            RecipientRole.SupportManagement => _options.SupportManagement,
            RecipientRole.OnCall => _options.OnCall,
            _ => One(recipient.Address),
        };
        return [.. addresses.Select(a => (a, recipient.Role))];
    }

    // Who is told instead of the assignee of an unassigned case of the policy: its own list, else the "*" list.
    private List<string> Unassigned(string policy) =>
        _options.Unassigned.GetValueOrDefault(policy) ?? _options.Unassigned.GetValueOrDefault(NoticeOptions.AnyPolicy) ?? [];

    private static List<string> One(string? address) => IsAddress(address) ? [address!.Trim()] : [];
}
