using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using System.Diagnostics.CodeAnalysis;
using Azure.Identity;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using SlaFunctions.Storage.Webhooks;

namespace SlaFunctions.Storage;

/// <summary>The app's tables, created on first use rather than at start-up, so the app (and its health check) runs
/// while storage is unreachable.</summary>
public sealed class CaseTables : IDisposable
{
    private readonly TableServiceClient _service;
    private readonly TableClient _cases;
    private readonly TableClient _outbox;
    private readonly TableClient _deliveries;
    private readonly TableClient _poison;
    private readonly TableClient _webhookLog;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    /// <summary>Clients for the tables named in <paramref name="options"/>.</summary>
    /// <remarks>The library reads every row with <c>Activator.CreateInstance&lt;TableEntity&gt;()</c>, which the Native
    /// AOT build can only run if something keeps that constructor: this does.</remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(TableEntity))]
    public CaseTables(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new TableClientOptions();
        client.Retry.MaxRetries = options.MaxRetries;
        client.Retry.Delay = TimeSpan.FromMilliseconds(200);
        client.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        _service = options.TableEndpoint is { } endpoint
            ? new TableServiceClient(endpoint, Credential(options.ClientId), client)
            : new TableServiceClient(options.ConnectionString, client);
        _cases = _service.GetTableClient(options.CasesTable);
        _outbox = _service.GetTableClient(options.OutboxTable);
        _deliveries = _service.GetTableClient(options.DeliveriesTable);
        _poison = _service.GetTableClient(options.PoisonTable);
        _webhookLog = _service.GetTableClient(options.WebhookLogTable);
        Store = new CaseStore(_cases, new DueIndex(_service, options.DueTable));
        Outbox = new NoticeOutbox(_outbox);
        Checkpoint = new SweepCheckpoint(_outbox);
        Slices = new SweepSlices(_outbox);
        Deliveries = new NoticeDeliveries(_deliveries);
        Poison = new PoisonNotices(_poison);
        WebhookLog = new WebhookDeliveryLog(_webhookLog);
    }

    /// <summary>The case store; call <see cref="EnsureCreatedAsync"/> before its first use.</summary>
    public CaseStore Store { get; }

    /// <summary>Notices in flight or held; call <see cref="EnsureCreatedAsync"/> first.</summary>
    public NoticeOutbox Outbox { get; }

    /// <summary>The sweep's checkpoint; call <see cref="EnsureCreatedAsync"/> first.</summary>
    public SweepCheckpoint Checkpoint { get; }

    /// <summary>The sweep's slices not yet done; call <see cref="EnsureCreatedAsync"/> first.</summary>
    public SweepSlices Slices { get; }

    /// <summary>Each notice to each recipient; call <see cref="EnsureCreatedAsync"/> first.</summary>
    public NoticeDeliveries Deliveries { get; }

    /// <summary>The poison list; call <see cref="EnsureCreatedAsync"/> first.</summary>
    public PoisonNotices Poison { get; }

    /// <summary>Each connection's last webhook deliveries; call <see cref="EnsureCreatedAsync"/> first.</summary>
    public WebhookDeliveryLog WebhookLog { get; }

    /// <summary>Creates the tables if they do not exist, once per process.</summary>
    /// <exception cref="StorageUnavailableException">Storage cannot be reached.</exception>
    public async Task<CaseStore> EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return Store;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                foreach (var table in new[] { _cases, _outbox, _deliveries, _poison, _webhookLog })
                {
                    await TableCalls.CreateIfMissingAsync(_service, table.Name, cancellationToken).ConfigureAwait(false);
                }
                _created = true;
            }
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AuthenticationFailedException or HttpRequestException)
        {
            throw new StorageUnavailableException("Table Storage cannot be reached to create the tables.", ex);
        }
        finally
        {
            _gate.Release();
        }
        return Store;
    }

    /// <summary>Checks that storage answers: the tables exist (created if not) and a point read of the cases table
    /// succeeds. Returns null when it does, otherwise why not, in a sentence naming Table Storage (cancelling
    /// <paramref name="cancellationToken"/> counts as no answer in time). Never throws for storage's failures.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await _cases.GetEntityIfExistsAsync<TableEntity>("~health", "probe", ["PartitionKey"], cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return $"Table Storage ({_service.Uri.Host}) did not answer in time.";
        }
        catch (StorageUnavailableException ex)
        {
            return $"Table Storage ({_service.Uri.Host}) cannot be used: {(ex.InnerException ?? ex).Message.Split('\n')[0]}";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AuthenticationFailedException or HttpRequestException)
        {
            return $"Table Storage ({_service.Uri.Host}) refused the call: {ex.Message.Split('\n')[0]}";
        }
    }

    /// <summary>Releases the creation gate.</summary>
    public void Dispose() => _gate.Dispose();

    private static ManagedIdentityCredential Credential(string? clientId) => clientId is null
        ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
