using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>One person (or webhook endpoint) a notice goes to.</summary>
/// <param name="Address">Their email address, or <c>hook:&lt;name&gt;</c> for a webhook endpoint.</param>
/// <param name="Role">The role they were reached through; null for an address the policy names, and for a webhook
/// endpoint.</param>
/// <param name="IsHook">True for a webhook endpoint that hears of a target's changes of state.</param>
/// <param name="Zone">The zone their email shows times in.</param>
/// <param name="Hours">Their working hours, if configured.</param>
public sealed record NoticeRecipient(string Address, RecipientRole? Role, bool IsHook, DateTimeZone Zone, BusinessCalendar? Hours)
{
    /// <summary>True for the customer's contact, who gets the customer-facing email.</summary>
    public bool IsCustomer => Role == RecipientRole.Customer;
}
