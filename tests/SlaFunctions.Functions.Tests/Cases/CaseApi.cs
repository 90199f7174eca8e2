using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>The app on Azurite with its own fresh tables, a fixed API key and a fake clock.</summary>
public sealed class CaseApi : WebApplicationFactory<Program>
{
    public const string Key = "test-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;

    public const string ZendeskSecret = "zendesk-test-secret-0123456789";

    /// <summary>The Standard Webhooks secret of the <c>acme-events</c> CloudEvents connection (LumenVox).</summary>
    public const string EventsSecret = "whsec_c2xhZnVuY3Rpb25zLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODk=";

    public CaseApi(Instant now, string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        Clock = new FakeClock(now);
        _settings = new()
        {
            ["Storage:ConnectionString"] = connectionString ?? "UseDevelopmentStorage=true",
            ["Storage:CasesTable"] = "cases" + suffix,
            ["Storage:DueTable"] = "due" + suffix,
            ["Storage:MaxRetries"] = "0",
            ["Api:Keys:0"] = Key,
            ["Sla:RecomputeOnStart"] = "false",
            ["Webhooks:Connections:acme-zendesk:Source"] = "zendesk",
            ["Webhooks:Connections:acme-zendesk:Secrets:0"] = ZendeskSecret,
            ["Webhooks:Connections:acme-zendesk:Policy"] = "lumenvox",
            ["Webhooks:Connections:acme-events:Source"] = "cloudevents",
            ["Webhooks:Connections:acme-events:Secrets:0"] = EventsSecret,
            ["Webhooks:Connections:acme-events:Policy"] = "lumenvox",
            ["Webhooks:Connections:acme-events:Customer"] = "Acme",
            ["Storage:OutboxTable"] = "outbox" + suffix,
            ["Storage:DeliveriesTable"] = "sent" + suffix,
            ["Storage:PoisonTable"] = "poison" + suffix,
            ["Storage:WebhookLogTable"] = "whlog" + suffix,
            ["Storage:QueueName"] = "escalations-" + suffix,
            ["Storage:SliceQueueName"] = "slices-" + suffix,
            ["Sweep:RunStandalone"] = "false",
            ["Email:Transport"] = "pickup",
            ["Email:From"] = "sla@vendor.example",
            ["Email:Pickup:Folder"] = PickupFolder,
            ["Notices:SupportManagement:0"] = "support-managers@vendor.example",
            ["Notices:OnCall:0"] = "oncall@vendor.example",
            ["Notices:AccountManagers:Acme:0"] = "am-acme@vendor.example",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public FakeClock Clock { get; }

    /// <summary>The app's settings, for commands run beside it (<c>connection check</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Where the pickup transport writes this app's emails: a fresh folder per app.</summary>
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), "slafunctions-mail-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>Adds or replaces settings before the app starts.</summary>
    public CaseApi With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Adds the connection <paramref name="name"/> of <paramref name="source"/>, signed with
    /// <paramref name="secret"/>, covered by <paramref name="policy"/>.</summary>
    public CaseApi WithConnection(string name, string source, string secret, string policy = "lumenvox") =>
        With($"Webhooks:Connections:{name}:Source", source).With($"Webhooks:Connections:{name}:Secrets:0", secret).With($"Webhooks:Connections:{name}:Policy", policy);

    /// <summary>Creates this app's cases and due tables on Azurite, before the app does, and a store over them.</summary>
    public async Task<SlaFunctions.Storage.Cases.CaseStore> CreateStoreAsync()
    {
        var service = new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true");
        var cases = service.GetTableClient(CasesTable);
        await cases.CreateIfNotExistsAsync();
        return new SlaFunctions.Storage.Cases.CaseStore(cases, new SlaFunctions.Storage.Cases.DueIndex(service, DueTable));
    }

    /// <summary>Deletes the tables <see cref="CreateStoreAsync"/> made and stops the app.</summary>
    public async Task DeleteStoreAsync()
    {
        var service = new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true");
        await service.DeleteTableAsync(CasesTable);
        await new SlaFunctions.Storage.Cases.DueIndex(service, DueTable).DropAllAsync(default);
        await service.DeleteTableAsync(_settings["Storage:WebhookLogTable"]!);
        await DisposeAsync();
    }

    public string CasesTable => _settings["Storage:CasesTable"]!;

    public string DueTable => _settings["Storage:DueTable"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IClock>(Clock)));
    }
}
