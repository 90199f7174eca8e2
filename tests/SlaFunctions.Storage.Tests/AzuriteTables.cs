using Azure.Data.Tables;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage.Tests;

/// <summary>Fresh tables on the Azurite that eng/test.sh starts (127.0.0.1:10002), deleted afterwards, so no test
/// class sees what another left behind.</summary>
public sealed class AzuriteTables : IAsyncDisposable
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private readonly TableServiceClient _service = new(ConnectionString);

    private AzuriteTables(TableClient cases, TableClient due)
    {
        Cases = cases;
        DueTable = due;
        Store = new CaseStore(cases, new DueIndex(due));
    }

    public TableClient Cases { get; }

    public TableClient DueTable { get; }

    public CaseStore Store { get; }

    public static async Task<AzuriteTables> CreateAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var service = new TableServiceClient(ConnectionString);
        var cases = service.GetTableClient("cases" + suffix);
        var due = service.GetTableClient("due" + suffix);
        try
        {
            await cases.CreateIfNotExistsAsync();
            await due.CreateIfNotExistsAsync();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            throw new InvalidOperationException("Azurite is not answering on 127.0.0.1:10002; run the tests with `bash eng/test.sh`, which starts it.", ex);
        }
        return new AzuriteTables(cases, due);
    }

    public async ValueTask DisposeAsync()
    {
        await Cases.DeleteAsync();
        await DueTable.DeleteAsync();
        _ = _service;
    }
}
