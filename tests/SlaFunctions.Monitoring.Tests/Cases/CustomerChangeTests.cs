using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Policies;
using SlaFunctions.Storage.Cases;
using static SlaFunctions.Monitoring.Tests.TestCases;

namespace SlaFunctions.Monitoring.Tests.Cases;

/// <summary>A case keeps the customer and policy it opened under until a delivery names another customer whose policy
/// differs; it is then judged under the new policy from its opening. Acme answers a Major (2) within 4h; Gold within
/// 30 min, on 24x7, so times are plain arithmetic. Opened Mon 2026-03-09 10:00 UTC.</summary>
public sealed class CustomerChangeTests
{
    // Only Major: a case that has been Critical (1) cannot move to it.
    private static readonly Policy Gold = Read("""
        { id: gold, name: Acme Gold, calendars: { office: { timeZone: UTC, hours: { mon: ["09:00-17:00"] } } },
          severities: [ { id: "2", name: Major, targets: {
          firstResponse: { within: 30m, calendar: 24x7 }, resolution: { within: 4h, calendar: 24x7 } } } ] }
        """);

    private static readonly PolicyCatalog Catalog = new([TestPolicies.Acme, Gold]);

    private static readonly CaseContract ValleyByDefault = Contract("Valley Cardiology", TestPolicies.Acme, namesPolicy: false);

    [Fact]
    public void Decide_NewCase_KeepsTheCustomerAndPolicyChosen()
    {
        var opened = Open("2");

        Assert.Equal(("Valley Cardiology", "acme", "2026-03-09T14:00:00Z"), (opened.Snapshot.Customer, opened.Snapshot.PolicyId, Format(opened.Snapshot.NextDueAt)));
    }

    [Fact]
    public void Decide_OrganizationMovesToGold_RejudgedUnderGoldFromOpening()
    {
        var opened = Open("2");

        var change = Apply(opened, Contract("Mercy Heart Institute", Gold, namesPolicy: true), "2026-03-09T11:00:00Z");

        // Gold's 30 min from 10:00 passed at 10:30, before the change: breached at 10:30, as if opened for Mercy.
        Assert.Equal(("Mercy Heart Institute", "gold", true), (change.Snapshot.Customer, change.Snapshot.PolicyId, change.Snapshot.Breached));
        var first = Evaluate(After(opened, change)).State.Targets.Single(t => t.Name == "firstResponse");
        Assert.Equal((TargetState.Breached, (Instant?)At("2026-03-09T10:30:00Z")), (first.State, first.DueAt));
        var note = Assert.Single(change.Append);
        Assert.Equal((At("2026-03-09T11:00:00Z"), "Customer changed from 'Valley Cardiology' to 'Mercy Heart Institute'. Policy changed from 'acme' (Acme) "
            + "to 'gold' (Acme Gold): the case is now judged under it from its opening."), (note.Event.At, note.Note));
    }

    [Fact]
    public void Decide_DeliveryNamesNoCustomer_CaseKeepsItsOwn()
    {
        var opened = Open("2");
        var moved = After(opened, Apply(opened, Contract("Mercy Heart Institute", Gold, namesPolicy: true), "2026-03-09T11:00:00Z"));

        // A reply that names no organisation: the contract is the connection's default (Acme), which moves nothing.
        var change = Apply(moved, Contract("LUMEDX customers", TestPolicies.Acme, namesPolicy: false, namesCustomer: false), "2026-03-09T11:30:00Z");

        Assert.Equal(("Mercy Heart Institute", "gold"), (change.Snapshot.Customer, change.Snapshot.PolicyId));
        Assert.Empty(change.Append);
    }

    [Fact]
    public void Decide_SameCustomerOtherLetterCase_NoChange()
    {
        var change = Apply(Open("2"), Contract("VALLEY cardiology", TestPolicies.Acme, namesPolicy: true), "2026-03-09T11:00:00Z");

        Assert.Equal(("Valley Cardiology", "acme"), (change.Snapshot.Customer, change.Snapshot.PolicyId));
        Assert.Empty(change.Append);
    }

    [Fact]
    public void Decide_LateRetryNamesOldCustomer_NoChange()
    {
        var opened = Open("2");
        var moved = After(opened, Apply(opened, Contract("Mercy Heart Institute", Gold, namesPolicy: true), "2026-03-09T11:00:00Z"));

        // Modified at 10:45 in the tool, before the 11:00 delivery that moved the case.
        var change = Apply(moved, Contract("Valley Cardiology", TestPolicies.Acme, namesPolicy: true), "2026-03-09T10:45:00Z");

        Assert.Equal(("Mercy Heart Institute", "gold"), (change.Snapshot.Customer, change.Snapshot.PolicyId));
    }

    [Fact]
    public void Decide_NewPolicyLacksTheCasesSeverity_StaysAndSaysSoOnce()
    {
        var critical = Open("1");
        var mercy = Contract("Mercy Heart Institute", Gold, namesPolicy: true);

        var once = Apply(critical, mercy, "2026-03-09T11:00:00Z");
        var twice = Apply(After(critical, once), mercy, "2026-03-09T11:30:00Z");

        Assert.Equal(("Mercy Heart Institute", "acme"), (once.Snapshot.Customer, once.Snapshot.PolicyId));
        Assert.Equal("Customer changed from 'Valley Cardiology' to 'Mercy Heart Institute'. The case stays under policy 'acme': "
            + "the new customer's policy 'gold' has no severity '1', which the case has had.", Assert.Single(once.Append).Note);
        Assert.Empty(twice.Append);
    }

    private static CaseRecord Open(string severity) =>
        After(null, CaseIngestion.Decide(ValleyByDefault, Find, Incoming("2026-03-09T10:00:00Z", severity), null, At("2026-03-09T10:00:00Z")));

    // The change a delivery the tool modified at `at`, applied at `at`, makes to the case.
    private static CaseChange Apply(CaseRecord current, CaseContract contract, string at) =>
        CaseIngestion.Decide(contract, Find, Incoming(at, null), current, At(at));

    // The case as the store holds it after the change.
    private static CaseRecord After(CaseRecord? before, CaseChange change) =>
        new() { Snapshot = change.Snapshot, History = [.. before?.History ?? [], .. change.Append] };

    private static Policy? Find(string id) => Catalog.TryGet(id, out var policy) ? policy : null;

    private static IncomingCase Incoming(string at, string? priority) => new()
    {
        Key = new CaseKey("lumedx-desk", "812"),
        DeliveryId = "d-" + at,
        OpenedAt = At("2026-03-09T10:00:00Z"),
        UpdatedAt = At(at),
        Priority = priority,
    };

    private static CaseContract Contract(string customer, Policy policy, bool namesPolicy, bool namesCustomer = true) =>
        new(new CustomerChoice { Customer = customer, PolicyId = policy.Id, NamesCustomer = namesCustomer, NamesPolicy = namesPolicy }, policy);

    private static CaseEvaluation Evaluate(CaseRecord record) =>
        CaseEvaluation.Evaluate(Find(record.Snapshot.PolicyId)!, record.Snapshot.OpenedAt, record.Snapshot.OpenedSeverity, record.History, record.Snapshot.EvaluatedAt!.Value);

    private static string? Format(Instant? at) => at is { } value ? Monitoring.Preview.InstantText.Format(value) : null;

    private static Policy Read(string yaml)
    {
        var read = PolicyReader.Read(yaml, PolicyFormat.Yaml, baseDirectory: null);
        return read.Policy ?? throw new InvalidOperationException(string.Join("; ", read.Problems));
    }
}
