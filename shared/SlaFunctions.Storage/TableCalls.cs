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
