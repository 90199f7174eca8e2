using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Webhooks;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>A ticket tool's delivery through a connection: its signature checked, its payload read, and its changes
/// committed to the case. The connection fixes the tool, the secrets and the policies: the payload's organisation or
/// tier picks among the policies the connection maps, never another connection's case or an unmapped policy.</summary>
/// <param name="adapters">One adapter per source kind.</param>
/// <param name="policies">The loaded policies; a connection's policy was checked at start-up.</param>
/// <param name="ingestion">Commits a delivery to its case.</param>
public sealed class WebhookIntake(WebhookAdapters adapters, PolicyCatalog policies, CaseIngestion ingestion)
{
    /// <summary>Checks <paramref name="delivery"/> with <paramref name="settings"/>' scheme (the tool's signature
    /// unless the connection names a weaker one) against its secrets (the current one and, while rotating, the
    /// previous one).</summary>
    public SignatureCheck Verify(Connection settings, WebhookRequest delivery)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SchemeFor(Adapter(settings)).Verify(delivery, settings.Secrets);
    }

    /// <summary>Reads a verified <paramref name="delivery"/> (its JSON payload) and applies it to its case of
    /// <paramref name="connection"/>, named as configured.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed; nothing was written.</exception>
    public async Task<IntakeResult> ApplyAsync(string connection, Connection settings, WebhookRequest delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parsed = Adapter(settings).Parse(delivery, settings.Mapping);
        switch (parsed.Outcome)
        {
            case WebhookOutcome.Rejected:
                return new IntakeResult(IntakeOutcome.Unreadable, [.. parsed.Problems.Select(p => new ProblemError(p.Path, p.Message))]);
            case WebhookOutcome.Ignored:
                return new IntakeResult(IntakeOutcome.Ignored, [], parsed.IgnoredBecause);
        }
        var update = parsed.Update!;
        var key = new CaseKey(connection, update.ExternalId);
        if (!key.FitsTableKeys)
        {
            // The adapters bound an id's length; only an id dense with characters that escape (/ # ? % |) gets here.
            return new IntakeResult(IntakeOutcome.UnkeyableId, [new ProblemError("externalId",
                $"'{update.ExternalId}' takes {key.PartitionKey.Length} characters as a table key with the connection's name; at most {CaseKey.MaxPartitionKeyLength} fit.")]);
        }
        // The connection's map chooses among policies checked at start-up; the payload only says which customer it is.
        var choice = settings.Customers.Choose(update.Organization, update.Tier);
        policies.TryGet(choice.PolicyId, out var policy);
        var contract = new CaseContract(choice, policy!);
        var incoming = IncomingCase.From(key, update);
        var committed = await ingestion.ApplyAsync(contract, id => policies.TryGet(id, out var stored) ? stored : null, incoming, cancellationToken).ConfigureAwait(false);
        var outcome = committed switch { CommitOutcome.Duplicate => IntakeOutcome.Duplicate, CommitOutcome.Unchanged => IntakeOutcome.Unchanged, _ => IntakeOutcome.Applied };
        var notes = update.Notes.Count == 0 || outcome == IntakeOutcome.Duplicate ? null : string.Join(" ", update.Notes);
        return new IntakeResult(outcome, [], notes, update.ExternalId) { Unmapped = outcome == IntakeOutcome.Duplicate ? [] : UnmappedValues.Of(incoming, policy!) };
    }

    // The source was checked at start-up (WebhookOptions.Problems).
    private IWebhookAdapter Adapter(Connection settings) => adapters.Find(settings.Source)!;
}
