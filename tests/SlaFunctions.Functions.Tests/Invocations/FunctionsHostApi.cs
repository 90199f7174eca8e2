using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Notices;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Sweep;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The app as the Functions host runs it (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set), with its own fresh
/// tables on Azurite and test doubles for the sweep and the inbox, the invocation layer's two collaborators.</summary>
public sealed class FunctionsHostApi : WebApplicationFactory<Program>
{
    public const string ZendeskSecret = "zendesk-test-secret-0123456789";

    private readonly Dictionary<string, string?> _settings;

    public FunctionsHostApi(bool behindHost = true)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        _settings = new()
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:CasesTable"] = "hostcases" + suffix,
            ["Storage:DueTable"] = "hostdue" + suffix,
            ["Storage:MaxRetries"] = "0",
            ["Sla:RecomputeOnStart"] = "false",
            ["Webhooks:Connections:acme-zendesk:Source"] = "zendesk",
            ["Webhooks:Connections:acme-zendesk:Secrets:0"] = ZendeskSecret,
            ["Webhooks:Connections:acme-zendesk:Policy"] = "lumenvox",
        };
        if (behindHost)
        {
            // Any port: the test server never listens, but the app sees the host's variable.
            _settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = "47123";
        }
    }

    /// <summary>The app's clock: Monday 2026-03-09 09:00 UTC.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 9, 9, 0));

    public SweepDouble Sweep { get; } = new();

    public SliceDouble Slices { get; } = new();

    public InboxDouble Inbox { get; } = new();

    public string CasesTable => _settings["Storage:CasesTable"]!;

    public string DueTable => _settings["Storage:DueTable"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IClock>(Clock));
            services.AddSingleton<ISweep>(Sweep);
            services.AddSingleton<ISliceSweep>(Slices);
            services.AddSingleton<INoticeInbox>(Inbox);
        });
    }

    /// <summary>Posts an envelope to <c>/{function}</c> as the host does; the body as JSON when it is one.</summary>
    public async Task<(HttpResponseMessage Response, JsonNode? Body)> InvokeAsync(string function, string envelope)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + function, UriKind.Relative))
        {
            Content = new StringContent(envelope, Encoding.UTF8, "application/json"),
        };
        HostHeaders.AddTo(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A notice as the sweep would emit it.</summary>
    public static Notice SampleNotice(string externalId, string rule = "first-response-warning") => new()
    {
        Id = $"acme-zendesk/{externalId}/{rule}:0",
        Kind = NoticeKind.Warning,
        Trigger = "percent",
        Rule = rule,
        At = Instant.FromUtc(2026, 3, 9, 9, 30),
        EmittedAt = Instant.FromUtc(2026, 3, 9, 9, 31),
        Case = new NoticeCase
        {
            Connection = "acme-zendesk", ExternalId = externalId, Title = "Calls drop after 30 s", Policy = "lumenvox",
            PolicyName = "LumenVox", Severity = "2", SeverityName = "Major", OpenedAt = Instant.FromUtc(2026, 3, 6, 23, 30),
        },
        Notify = ["assignee"],
    };

    /// <summary>Emits the notices and slices it is given, then throws <see cref="Failure"/> if set.</summary>
    public sealed class SweepDouble : ISweep
    {
        public List<Notice> Due { get; } = [];

        public List<string> Cut { get; } = [];

        public Exception? Failure { get; set; }

        public int Runs { get; private set; }

        public async Task<SweepReport> RunAsync(INoticeQueue notices, ISliceQueue slices, CancellationToken cancellationToken)
        {
            Runs++;
            foreach (var notice in Due)
            {
                await notices.SendAsync(NoticeJson.ToText(notice), cancellationToken);
            }
            foreach (var slice in Cut)
            {
                await slices.SendAsync(slice, cancellationToken);
            }
            return Failure is null ? new SweepReport(Cases: 7, Notices: Due.Count, Slices: Cut.Count) : throw Failure;
        }
    }

    /// <summary>Emits the notices it is given for any slice, remembering the slices; throws <see cref="Failure"/> if set.</summary>
    public sealed class SliceDouble : ISliceSweep
    {
        public List<Notice> Due { get; } = [];

        public List<string> Judged { get; } = [];

        public Exception? Failure { get; set; }

        public async Task<SweepReport> RunAsync(string slice, INoticeQueue notices, CancellationToken cancellationToken)
        {
            Judged.Add(slice);
            foreach (var notice in Due)
            {
                await notices.SendAsync(NoticeJson.ToText(notice), cancellationToken);
            }
            return Failure is null ? new SweepReport(Cases: 3, Notices: Due.Count) : throw Failure;
        }
    }

    /// <summary>Records what it is handed; throws <see cref="Failure"/> if set.</summary>
    public sealed class InboxDouble : INoticeInbox
    {
        public List<(string Body, int DeliveryCount)> Received { get; } = [];

        public List<(string Body, string Reason)> DeadLettered { get; } = [];

        public Exception? Failure { get; set; }

        public Task ReceiveAsync(ReadOnlyMemory<byte> body, int deliveryCount, CancellationToken cancellationToken)
        {
            Received.Add((Encoding.UTF8.GetString(body.Span), deliveryCount));
            return Failure is null ? Task.CompletedTask : throw Failure;
        }

        public Task DeadLetterAsync(ReadOnlyMemory<byte> body, string reason, CancellationToken cancellationToken)
        {
            DeadLettered.Add((Encoding.UTF8.GetString(body.Span), reason));
            return Failure is null ? Task.CompletedTask : throw Failure;
        }
    }
}
