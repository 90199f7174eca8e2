using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Hosting;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Policies;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Functions.Tests.Board;

/// <summary>Opens cases through the app's own ingestion (what a webhook does after its signature and adapter), judged at
/// the app's fake clock, and reads the API with the key.</summary>
internal sealed class CaseSeeder(CaseApi api)
{
    public async Task OpenAsync(string connection, string id, Instant openedAt, string priority, string? assignee = null, params CaseEvent[] events) =>
        await api.Services.GetRequiredService<CaseIngestion>().ApplyAsync(PolicyOf(connection), Incoming(connection, id, openedAt, priority, assignee, events), default);

    /// <summary>As <see cref="OpenAsync"/>, for <paramref name="customer"/>, as a delivery naming that organisation
    /// would open it.</summary>
    public async Task OpenForCustomerAsync(string connection, string id, Instant openedAt, string priority, string customer, params CaseEvent[] events)
    {
        var policy = PolicyOf(connection);
        await api.Services.GetRequiredService<CaseIngestion>().ApplyAsync(CaseContract.For(policy, customer), _ => policy,
            Incoming(connection, id, openedAt, priority, null, events), default);
    }

    private Engine.Contracts.Policy PolicyOf(string connection)
    {
        var options = api.Services.GetRequiredService<WebhookOptions>().Connections[connection];
        api.Services.GetRequiredService<PolicyCatalog>().TryGet(options.Policy, out var policy);
        return policy!;
    }

    private static IncomingCase Incoming(string connection, string id, Instant openedAt, string priority, string? assignee, CaseEvent[] events) => new()
    {
        Key = new CaseKey(connection, id),
        DeliveryId = $"{id}-{events.Length}",
        OpenedAt = openedAt,
        Priority = priority,
        Title = $"Case {id}",
        Url = $"https://desk.example/{id}",
        Assignee = assignee,
        Events = events,
    };

    public async Task<(System.Net.HttpStatusCode Status, string Text, string? MediaType)> GetTextAsync(string path, string? accept = null)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-api-key", CaseApi.Key);
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var (status, text, _) = await GetTextAsync(path);
        return status == System.Net.HttpStatusCode.OK ? JsonNode.Parse(text)! : throw new InvalidOperationException($"{path}: {(int)status} {text}");
    }

    public async Task DeleteTablesAsync()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        await service.DeleteTableAsync(api.CasesTable);
        await new SlaFunctions.Storage.Cases.DueIndex(service, api.DueTable).DropAllAsync(default);
    }
}
