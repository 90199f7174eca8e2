using Azure;
using Azure.Data.Tables;

namespace SlaFunctions.Storage;

/// <summary>Turns transient Table Storage failures into <see cref="StorageUnavailableException"/>, which the app
/// answers with 503 or a redelivery; a 4xx other than 408 and 429 is left as it is (a bug or a lost race).</summary>
internal static class TableCalls
{
    public static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsTransient(ex))
        {
            throw new StorageUnavailableException("Table Storage failed.", ex);
        }
    }

    public static async Task Guard(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsTransient(ex))
        {
            throw new StorageUnavailableException("Table Storage failed.", ex);
        }
    }

    public static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Guard(() => table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken)).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone, which is what was wanted.
        }
    }

    /// <summary>Adds <paramref name="row"/>; false when a row with its keys is there already.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public static async Task<bool> TryAddAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Guard(() => table.AddEntityAsync(row, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Merges <paramref name="change"/> into its row if the row still has <paramref name="etag"/>; false when
    /// someone else changed or removed the row since it was read.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public static async Task<bool> TryMergeAsync(TableClient table, TableEntity change, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await Guard(() => table.UpdateEntityAsync(change, etag, TableUpdateMode.Merge, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Creates <paramref name="table"/>; one that exists already is fine.</summary>
    /// <remarks>Not TableClient.CreateIfNotExistsAsync: it builds its request body with reflection-based JSON, which the
    /// Native AOT build cannot run (Azure/azure-sdk-for-net#56640). CreateTableAsync sends a source-generated model
    /// instead.</remarks>
    public static async Task CreateIfMissingAsync(TableServiceClient service, string table, CancellationToken cancellationToken)
    {
        try
        {
            await service.CreateTableAsync(table, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == Azure.Data.Tables.Models.TableErrorCode.TableAlreadyExists)
        {
            // The table is there: exactly what was asked for.
        }
    }

    // 0 is no response at all (connection refused); 408, 429 and 5xx are worth a retry later.
    public static bool IsTransient(RequestFailedException ex) => ex.Status is 0 or 408 or 429 or >= 500;
}
