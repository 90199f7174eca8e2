using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>One person a notice goes to.</summary>
/// <param name="Address">Their email address.</param>
/// <param name="Role">The role they were reached through (<c>customer</c>, <c>assignee</c>, <c>accountManager</c>,
/// <c>supportManagement</c>, <c>onCall</c>), or <c>address</c> for one the policy names.</param>
/// <param name="IsCustomer">True for the customer's contact, who gets the customer-facing email.</param>
/// <param name="Zone">The zone their email shows times in.</param>
/// <param name="Hours">Their working hours, if configured.</param>
public sealed record NoticeRecipient(string Address, string Role, bool IsCustomer, DateTimeZone Zone, BusinessCalendar? Hours);
