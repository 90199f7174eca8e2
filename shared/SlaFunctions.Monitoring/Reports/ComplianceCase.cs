using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>A case to count: its record, its (loaded) policy and its customer.</summary>
/// <remarks>The report's rows and its teams rows both read the case judged at the report's <c>asOf</c>; it is judged
/// once, on the first read, and kept for that instant. Not for use from several threads at once.</remarks>
public sealed class ComplianceCase(Policy policy, CaseRecord record, string customer)
{
    private CaseClock? _clock;
    private CaseState? _judged;
    private Instant _judgedAt;

    /// <summary>The policy the case is judged under.</summary>
    public Policy Policy { get; } = policy;

    /// <summary>The stored case.</summary>
    public CaseRecord Record { get; } = record;

    /// <summary>The case's customer, for grouping.</summary>
    public string Customer { get; } = customer;

    /// <summary>The case's events in stored order.</summary>
    public IReadOnlyList<CaseEvent> Events { get; } = [.. record.History.Select(h => h.Event)];

    /// <summary>The case's clocks: its whole history under <see cref="Policy"/>.</summary>
    public CaseClock Clock => _clock ??= new CaseClock(Policy, new CaseHistory(Record.Snapshot.OpenedAt, Record.Snapshot.OpenedSeverity, Events));

    /// <summary>The case judged at <paramref name="asOf"/> by its <see cref="Clock"/>.</summary>
    public CaseState StateAt(Instant asOf)
    {
        if (_judged is null || _judgedAt != asOf)
        {
            _judged = Clock.StateAt(asOf);
            _judgedAt = asOf;
        }
        return _judged;
    }

    /// <summary>The policy, record and customer, for <c>foreach (var (policy, record, customer) in cases)</c>.</summary>
    public void Deconstruct(out Policy policy, out CaseRecord record, out string customer)
    {
        policy = Policy;
        record = Record;
        customer = Customer;
    }
}
