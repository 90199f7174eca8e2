using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring.Reports;
using SlaFunctions.Policies;
using SlaFunctions.Storage;

namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>The what-if: replays the stored cases of a period under a draft of a loaded policy and lists what would
/// change: verdicts, notices, and compliance per customer and target.</summary>
/// <param name="tables">Where cases are kept.</param>
/// <param name="policies">The loaded policies, which judge the cases today.</param>
/// <param name="webhooks">The connections, which name each case's customer (as the compliance report does).</param>
/// <param name="clock">Gives now, the instant both policies judge at.</param>
/// <param name="maxCases">The most cases replayed at once (<see cref="MaxCases"/>).</param>
public sealed class WhatIfReplay(CaseTables tables, PolicyCatalog policies, WebhookOptions webhooks, IClock clock, int maxCases = WhatIfReplay.MaxCases)
{
    /// <summary>The longest period replayed at once.</summary>
    public static readonly Duration MaxPeriod = Duration.FromDays(366);

    /// <summary>The most cases replayed at once, unless the constructor says otherwise.</summary>
    public const int MaxCases = 20_000;

    /// <summary>The most changed cases listed; the counts cover them all.</summary>
    public const int MaxListed = 500;

    /// <summary>Checks a request <c>{ "policy": document or YAML text, "from": instant, "to": instant }</c>: the draft
    /// must be valid and have the id of a loaded policy; the period defaults to this UTC month and is at most
    /// <see cref="MaxPeriod"/>. Null, with <paramref name="errors"/> naming each bad field, when invalid.</summary>
    public WhatIfQuery? Read(JsonObject body, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count;
        var draft = body["policy"] is { } node && InlinePolicy.IsReadable(node)
            ? InlinePolicy.Read(node, errors)
            : null;
        if (body["policy"] is null || (draft is null && errors.Count == count))
        {
            errors.Add(new("policy", "is required: the draft policy, as a JSON document or its YAML text, with the id of a loaded policy."));
        }
        var from = Text(body, "from", errors);
        var to = Text(body, "to", errors);
        var query = Read(draft, from, to, errors);
        return errors.Count > count ? null : query;
    }

    /// <summary>Checks <paramref name="draft"/> (null when it could not be read; its problems are already in
    /// <paramref name="errors"/>) and the period's ISO-8601 bounds (null for this UTC month's).</summary>
    public WhatIfQuery? Read(Policy? draft, string? from, string? to, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count;
        if (draft is not null && !policies.TryGet(draft.Id, out _))
        {
            var known = policies.Ids.Count == 0 ? "no policies are loaded" : "loaded: " + string.Join(", ", policies.Ids);
            errors.Add(new("policy.id", $"'{draft.Id}' is not a loaded policy ({known}); a draft replays the stored cases of the policy it changes, so it keeps that policy's id."));
        }
        var (start, end) = ReportPeriod.Read(from, to, clock.GetCurrentInstant(), errors);
        if (errors.Count > count)
        {
            return null;
        }
        if (end - start > MaxPeriod)
        {
            errors.Add(new("to", $"the period may be at most {MaxPeriod.Days} days; replay a long history a year at a time."));
        }
        return errors.Count > count || draft is null ? null : new WhatIfQuery(draft, start, end);
    }

    /// <summary>Replays <paramref name="query"/>; null, with <paramref name="errors"/> saying why, when the period holds
    /// more than the cap (<see cref="MaxCases"/>) cases or a case has a severity the draft lacks.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<WhatIfReport?> RunAsync(WhatIfQuery query, List<ProblemError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var now = clock.GetCurrentInstant();
        var id = query.Draft.Id;
        var store = await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // Whole records a page at a time: a replay judges every case of the period, so one read per case would cost
        // far more than judging it.
        var records = await store.ReadRecordsOpenedAsync(query.From, query.To, id, maxCases, cancellationToken).ConfigureAwait(false);
        if (records.Count > maxCases)
        {
            errors.Add(new("to", $"more than {maxCases} cases of policy '{id}' opened in the period; at most {maxCases} are replayed at once. Shorten the period."));
            return null;
        }
        var judged = new ConcurrentBag<(ComplianceCase Before, ComplianceCase After, WhatIfCase? Change)>();
        var unjudged = new ConcurrentBag<string>();
        Parallel.ForEach(records, new ParallelOptions { CancellationToken = cancellationToken }, record =>
        {
            if (!policies.TryGet(id, record.Snapshot.OpenedAt, out var loaded))
            {
                return;
            }
            var key = record.Snapshot.Key;
            var customer = webhooks.CustomerOf(record.Snapshot);
            var before = new ComplianceCase(loaded, record, customer);
            var after = new ComplianceCase(query.Draft.InForceAt(record.Snapshot.OpenedAt), record, customer);
            try
            {
                judged.Add((before, after, WhatIfComparison.Compare(before, after, now)));
            }
            catch (ArgumentException ex)
            {
                unjudged.Add($"{key.Connection}/{key.ExternalId}: {ex.Message}");
            }
        });
        if (!unjudged.IsEmpty)
        {
            errors.Add(new("policy.severities", $"the draft cannot judge {unjudged.Count} stored cases, e.g. {unjudged.Order(StringComparer.Ordinal).First()} Keep every severity the cases have."));
            return null;
        }
        var changed = judged.Where(j => j.Change is not null).Select(j => j.Change!)
            .OrderByDescending(WhatIfComparison.Flips).ThenBy(c => c.OpenedAt, StringComparer.Ordinal).ThenBy(c => c.Connection, StringComparer.Ordinal).ThenBy(c => c.ExternalId, StringComparer.Ordinal)
            .ToList();
        return new WhatIfReport
        {
            Policy = id,
            From = InstantText.Format(query.From),
            To = InstantText.Format(query.To),
            AsOf = InstantText.Format(now),
            Cases = judged.Count,
            Flipped = changed.Count(WhatIfComparison.Flips),
            Changed = changed.Count,
            Changes = [.. changed.Take(MaxListed)],
            Compliance = WhatIfCompliance.Rows([.. judged.Select(j => j.Before)], [.. judged.Select(j => j.After)], now),
        };
    }

    private static string? Text(JsonObject body, string name, List<ProblemError> errors)
    {
        if (body[name] is not { } node)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        errors.Add(new(name, "must be an ISO-8601 instant string, e.g. 2026-10-01T00:00:00Z."));
        return null;
    }
}
