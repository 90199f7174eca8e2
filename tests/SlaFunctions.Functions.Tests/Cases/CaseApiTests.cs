using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Tests of one app (<paramref name="api"/>) on its own fresh tables, with a store and a client over them.</summary>
public abstract class CaseApiTests(CaseApi api) : IAsyncLifetime
{
    protected CaseApi Api { get; } = api;

    protected CaseStore Store { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await Api.CreateStoreAsync();
        Client = Api.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Api.DeleteStoreAsync();
    }
}
