using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>Re-judges the open cases of every policy whose document or holidays changed since they were last judged,
/// from their histories, so due times and the due index follow a new policy without waiting for the next webhook.</summary>
/// <remarks>Each case is re-judged through the ordinary commit with the delivery id <c>recompute|policy|fingerprint</c>,
/// so two instances starting at once, or a restart half-way, re-judge each case once.</remarks>
public sealed partial class PolicyRecompute
{
    private readonly CaseTables _tables;
    private readonly PolicyCatalog _policies;
    private readonly HookOptions _hooks;
    private readonly IClock _clock;
    private readonly ILogger<PolicyRecompute> _logger;

    /// <summary>Creates the service.</summary>
    public PolicyRecompute(CaseTables tables, PolicyCatalog policies, HookOptions hooks, IClock clock, ILogger<PolicyRecompute> logger)
    {
        _tables = tables;
        _policies = policies;
        _hooks = hooks;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Re-judges what changed; returns how many cases were re-judged.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed; what was done stays done.</exception>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var store = await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var total = 0;
        foreach (var policy in _policies.All)
        {
            if (await store.GetPolicyMarkAsync(policy.Id, cancellationToken).ConfigureAwait(false) == policy.Fingerprint)
            {
                continue;
            }
            var count = 0;
            await foreach (var key in store.OpenCasesOfAsync(policy.Id, cancellationToken).ConfigureAwait(false))
            {
                var outcome = await store.CommitAsync(key, $"recompute|{policy.Id}|{policy.Fingerprint}",
                    current => Rejudge(policy, key, current), cancellationToken).ConfigureAwait(false);
                count += outcome == CommitOutcome.Applied ? 1 : 0;
            }
            await store.SetPolicyMarkAsync(policy.Id, policy.Fingerprint, cancellationToken).ConfigureAwait(false);
            Recomputed(_logger, policy.Id, policy.Fingerprint, count);
            total += count;
        }
        return total;
    }

    private CaseChange? Rejudge(Policy policy, CaseKey key, CaseRecord? current) =>
        current is null || current.Snapshot.PolicyId != policy.Id
            ? null
            : CaseIngestion.Decide(policy, new IncomingCase { Key = key, DeliveryId = "recompute" }, current, _clock.GetCurrentInstant(),
                _hooks.Announces(key.Connection, policy.Id));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Policy {PolicyId} is now {Fingerprint}: re-judged {Count} open cases")]
    private static partial void Recomputed(ILogger logger, string policyId, string fingerprint, int count);
}
