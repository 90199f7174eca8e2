using Azure.Data.Tables;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage.Tests;

/// <summary>Fresh tables on the Azurite that eng/test.sh starts (127.0.0.1:10002), deleted afterwards, so no test
/// class sees what another left behind.</summary>
public sealed class AzuriteTables : IAsyncDisposable
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private readonly TableServiceClient _service = new(ConnectionString);

    private AzuriteTables(TableClient cases, string dueName)
    {
        Cases = cases;
        DueName = dueName;
        Due = new DueIndex(_service, dueName);
        Store = new CaseStore(cases, Due);
    }

    public TableClient Cases { get; }

    /// <summary>The due index's name: its day tables are this followed by the day.</summary>
    public string DueName { get; }

    public DueIndex Due { get; }

    public CaseStore Store { get; }

    public static async Task<AzuriteTables> CreateAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var service = new TableServiceClient(ConnectionString);
        var cases = service.GetTableClient("cases" + suffix);
        try
        {
            await cases.CreateIfNotExistsAsync();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            throw new InvalidOperationException("Azurite is not answering on 127.0.0.1:10002; run the tests with `bash eng/test.sh`, which starts it.", ex);
        }
        return new AzuriteTables(cases, "due" + suffix);
    }

    public async ValueTask DisposeAsync()
    {
        await Cases.DeleteAsync();
        await Due.DropAllAsync(default);
    }
}
