using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>What a delivery does to an open case's customer and policy: a case keeps the policy it opened under until
/// a delivery names another customer (or tier) whose policy differs. The case is then judged under the new policy from
/// its opening, as if it had been opened for that customer, and a note in its history says so.</summary>
internal static class CustomerChange
{
    /// <summary>The policy to judge <paramref name="current"/> under, the case with its customer and policy as the
    /// delivery leaves them, and the note recording a change (null when nothing changed).</summary>
    /// <param name="contract">What the delivery names.</param>
    /// <param name="stored">The case's own policy, or null when it is no longer loaded (then the contract's covers it).</param>
    /// <param name="current">The stored case.</param>
    /// <param name="incoming">The delivery; one the tool modified before the case's fields were last set (a late
    /// retry) changes nothing here, as it changes no other field.</param>
    public static (Policy Policy, CaseRecord Current, string? Note) Apply(CaseContract contract, Policy? stored, CaseRecord current, IncomingCase incoming)
    {
        var snapshot = current.Snapshot;
        var policy = stored ?? contract.Policy;
        if (incoming.UpdatedAt < snapshot.FieldsAsOf)
        {
            return (policy, current, null);
        }
        var customer = snapshot.Customer;
        var newCustomer = contract.Choice.NamesCustomer && !string.Equals(customer, contract.Choice.Customer, StringComparison.OrdinalIgnoreCase)
            ? contract.Choice.Customer
            : customer;
        var missing = contract.Choice.NamesPolicy && contract.Policy.Id != policy.Id ? MissingSeverity(contract.Policy, current) : null;
        var newPolicy = contract.Choice.NamesPolicy && missing is null ? contract.Policy : policy;
        if (newCustomer == customer && newPolicy.Id == policy.Id && missing is null && stored is not null)
        {
            return (policy, current, null);
        }
        var note = Note(customer, newCustomer, policy, newPolicy, stored is null ? snapshot.PolicyId : null, missing is null ? null : (contract.Policy, missing));
        if (current.History.LastOrDefault(h => h.Event.Type == CaseEventType.SystemNote)?.Note is { } previous && previous.EndsWith(note, StringComparison.Ordinal))
        {
            // A snapshot tool repeats the tier the case could not move to on every delivery: say so once.
            return (policy, current, null);
        }
        var moved = current with
        {
            Snapshot = snapshot with
            {
                Customer = newCustomer,
                PolicyId = newPolicy.Id,
                OpenedSeverity = newPolicy.FindSeverity(snapshot.OpenedSeverity)?.Id ?? snapshot.OpenedSeverity,
            },
        };
        return (newPolicy, moved, note);
    }

    // A case moves only to a policy that has every severity it has had (its history names them by id or alias);
    // the first it lacks, or null.
    private static string? MissingSeverity(Policy target, CaseRecord current) =>
        current.History.Where(h => h.Event.Type == CaseEventType.Severity && h.Event.Severity is not null)
            .Select(h => h.Event.Severity!)
            .Prepend(current.Snapshot.OpenedSeverity)
            .FirstOrDefault(id => target.FindSeverity(id) is null);

    private static string Note(string? from, string? to, Policy before, Policy after, string? unloaded, (Policy Policy, string Severity)? refused)
    {
        var parts = new List<string>();
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            parts.Add(from is null ? $"Customer is now '{to}'." : $"Customer changed from '{from}' to '{to}'.");
        }
        if (unloaded is not null)
        {
            parts.Add($"Policy '{unloaded}' is no longer loaded; the case is now judged under policy '{after.Id}' ({after.Name}) from its opening.");
        }
        else if (after.Id != before.Id)
        {
            parts.Add($"Policy changed from '{before.Id}' ({before.Name}) to '{after.Id}' ({after.Name}): the case is now judged under it from its opening.");
        }
        if (refused is { } r)
        {
            parts.Add($"The case stays under policy '{after.Id}': the new customer's policy '{r.Policy.Id}' has no severity '{r.Severity}', which the case has had.");
        }
        return string.Join(" ", parts);
    }
}
