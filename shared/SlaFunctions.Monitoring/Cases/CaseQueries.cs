using System.Globalization;
using NodaTime;
using SlaFunctions.Monitoring.Catalog;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>The read API's questions about cases: one case judged now, and open cases by state a page at a time.</summary>
/// <param name="tables">Where cases are kept.</param>
/// <param name="policies">The loaded policies, which judge the cases.</param>
/// <param name="webhooks">The connections, whose configured names key the cases.</param>
/// <param name="clock">Gives now.</param>
public sealed class CaseQueries(CaseTables tables, PolicyCatalog policies, WebhookOptions webhooks, IClock clock)
{
    /// <summary>The case <paramref name="externalId"/> of <paramref name="connection"/> (any letter case), judged now,
    /// with its history and notices.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<CaseLookup> FindAsync(string connection, string externalId, CancellationToken cancellationToken)
    {
        // Cases keep the connection's name as configured, whatever the letter case of the URL.
        connection = webhooks.TryFind(connection, out var configured) ? configured.Name : connection;
        var store = await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var key = new CaseKey(connection, externalId);
        var record = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new CaseLookup(CaseLookupOutcome.NoSuchCase, connection);
        }
        if (!policies.TryGet(record.Snapshot.PolicyId, record.Snapshot.OpenedAt, out var policy))
        {
            return new CaseLookup(CaseLookupOutcome.PolicyNotLoaded, connection, record.Snapshot.PolicyId);
        }
        var notices = await tables.Deliveries.OfCaseAsync(key, cancellationToken).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var evaluation = CaseEvaluation.Evaluate(policy, record.Snapshot.OpenedAt, record.Snapshot.OpenedSeverity, record.History, now);
        var snapshot = record.Snapshot;
        return new CaseLookup(CaseLookupOutcome.Found, connection, policy.Id, new CaseView
        {
            Connection = snapshot.Key.Connection,
            ExternalId = snapshot.Key.ExternalId,
            PolicyId = policy.Id,
            PolicyName = policy.Name,
            Customer = webhooks.CustomerOf(snapshot),
            Severity = evaluation.State.Severity.Id,
            Status = snapshot.Status,
            Unmapped = snapshot.Unmapped,
            Title = snapshot.Title,
            Url = snapshot.Url,
            Assignee = snapshot.Assignee,
            OpenedAt = InstantText.Format(snapshot.OpenedAt),
            AsOf = InstantText.Format(now),
            Targets = evaluation.Targets,
            History = [.. record.History.OrderBy(h => h.Event.At).Select(h => new CaseViewEvent
            {
                At = InstantText.Format(h.Event.At),
                Type = PreviewWords.CamelCase(h.Event.Type.ToString()),
                Status = h.Event.Status is { } status ? PreviewWords.Status(status) : null,
                Severity = h.Event.Severity,
                Group = h.Event.Group,
                Note = h.Note,
            })],
            Notices = [.. notices.OrderBy(n => n.At).ThenBy(n => n.Recipient, StringComparer.Ordinal).Select(n => new CaseViewNotice
            {
                Key = n.PointKey,
                Kind = n.Kind,
                Target = n.Target,
                At = n.At is { } at ? InstantText.Format(at) : null,
                Recipient = n.Recipient,
                State = PreviewWords.CamelCase(n.State.ToString()),
                SentAt = n.SentAt is { } sent ? InstantText.Format(sent) : null,
                NextTryAt = n.NextTryAt is { } next ? InstantText.Format(next) : null,
                Attempts = n.Attempts,
            })],
        });
    }

    /// <summary>Open cases in <paramref name="state"/> (<c>open</c>, the default, <c>breached</c> or <c>atRisk</c>),
    /// optionally of one policy, <paramref name="pageSize"/> (1-1000, default 100) at a time from
    /// <paramref name="continuation"/> (a token a previous page gave). Null, with <paramref name="errors"/> naming each
    /// bad parameter, when the request is invalid.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<CaseList?> ListAsync(
        string? state, string? policy, string? pageSize, string? continuation, List<ProblemError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var wanted = QueryWord.Choose(state, CaseListState.Open, "state", "state", errors,
            ("open", CaseListState.Open), ("breached", CaseListState.Breached), ("atRisk", CaseListState.AtRisk));
        PolicyFilter.Check(policies, policy, errors);
        // Read here, not bound: a bound int answers "abc" with a bare 400 that names nothing.
        var size = 100;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > 1000))
        {
            errors.Add(new("pageSize", $"'{pageSize}' is not a page size; use a whole number from 1 to 1000."));
        }
        var storageToken = "";
        if (continuation is not null && !CaseListToken.TryDecode(continuation, out storageToken))
        {
            errors.Add(new("continuation", "is not a token this API gave; pass the previous page's continuation unchanged, or leave it out for the first page."));
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var store = await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var page = await store.ListAsync(wanted!.Value, policy, now, continuation is null ? null : storageToken, size, cancellationToken).ConfigureAwait(false);
        return new CaseList
        {
            Items = [.. page.Cases.Select(c => new CaseSummary
            {
                Connection = c.Key.Connection,
                ExternalId = c.Key.ExternalId,
                PolicyId = c.PolicyId,
                Severity = c.Severity,
                Status = c.Status,
                Title = c.Title,
                Url = c.Url,
                Assignee = c.Assignee,
                NextDueAt = InstantText.Format(c.NextDueAt),
                Breached = c.Breached || c.NextDueAt < now,
            })],
            Continuation = CaseListToken.Encode(page.Continuation),
        };
    }
}
