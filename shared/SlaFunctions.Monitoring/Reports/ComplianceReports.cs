using System.Collections.Concurrent;
using NodaTime;
using SlaFunctions.Monitoring.Catalog;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Policies;
using SlaFunctions.Storage;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>The compliance report: met and breached targets and times, for cases opened in a window.</summary>
/// <param name="tables">Where cases are kept.</param>
/// <param name="policies">The loaded policies, which judge the cases.</param>
/// <param name="webhooks">The connections, which name each case's customer.</param>
/// <param name="clock">Gives now.</param>
public sealed class ComplianceReports(CaseTables tables, PolicyCatalog policies, WebhookOptions webhooks, IClock clock)
{
    // Case histories are read this many at a time.
    private const int Readers = 8;

    /// <summary>Checks a request: <paramref name="from"/> and <paramref name="to"/> are ISO-8601 instants (default this
    /// UTC month), <paramref name="groupBy"/> is <c>severity</c>, <c>customer</c> or <c>target</c> (the default), and
    /// <paramref name="policy"/> a loaded policy's id or null. Null, with <paramref name="errors"/> naming each bad
    /// parameter, when the request is invalid.</summary>
    public ComplianceQuery? Read(string? from, string? to, string? policy, string? groupBy, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count;
        var (start, end) = ReportPeriod.Read(from, to, clock.GetCurrentInstant(), errors);
        var grouping = QueryWord.Choose(groupBy, ComplianceGrouping.Target, "groupBy", "grouping", errors,
            ("severity", ComplianceGrouping.Severity), ("customer", ComplianceGrouping.Customer), ("target", ComplianceGrouping.Target));
        PolicyFilter.Check(policies, policy, errors);
        return errors.Count > count ? null : new ComplianceQuery(start, end, policy, grouping!.Value);
    }

    /// <summary>The report for <paramref name="query"/>, judged now; cases whose policy is not loaded are skipped
    /// and counted.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<ComplianceReport> BuildAsync(ComplianceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetCurrentInstant();
        var store = await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = await store.ReadCasesOpenedAsync(query.From, query.To, query.Policy, cancellationToken).ConfigureAwait(false);
        var counted = new ConcurrentBag<ComplianceCase>();
        var judged = rows.Where(r => policies.TryGet(r.PolicyId, out _)).ToList();
        await Parallel.ForEachAsync(judged, new ParallelOptions { MaxDegreeOfParallelism = Readers, CancellationToken = cancellationToken }, async (row, token) =>
        {
            if (await store.GetAsync(row.Key, token).ConfigureAwait(false) is { } record && policies.TryGet(record.Snapshot.PolicyId, record.Snapshot.OpenedAt, out var covering))
            {
                counted.Add(new ComplianceCase(covering, record, webhooks.CustomerOf(row)));
            }
        }).ConfigureAwait(false);
        return new ComplianceReport
        {
            From = InstantText.Format(query.From),
            To = InstantText.Format(query.To),
            AsOf = InstantText.Format(now),
            Policy = query.Policy,
            GroupBy = PreviewWords.CamelCase(query.Grouping.ToString()),
            Cases = counted.Count,
            Skipped = rows.Count - judged.Count,
            Rows = ComplianceCalculator.Rows(counted, query.Grouping, now),
            Teams = ComplianceTeams.Rows(counted, now),
        };
    }
}
