using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using SlaFunctions.Endpoints;
using SlaFunctions.Monitoring.Board;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Reports;
using SlaFunctions.Monitoring;
using SlaFunctions.Notices.Email;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Notices.Templates;
using SlaFunctions.Policies;
using Microsoft.Extensions.Options;
using SlaFunctions.Problems;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Queues;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Standalone;
using SlaFunctions.Webhooks;

namespace SlaFunctions.Hosting;

/// <summary>Wires the engine, the loaded policies and the JSON settings into the app.</summary>
public static partial class SlaServiceExtensions
{
    /// <summary>Registers options, the clock and the policy catalog, loading the policies now so that a bad policy
    /// file stops the app with every problem listed.</summary>
    /// <exception cref="PolicyLoadException">A policy file has problems.</exception>
    public static WebApplicationBuilder AddSla(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddConsoleLogDefaults();
        var options = builder.Configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new SlaOptions();
        var folder = options.ResolvePoliciesPath();
        var catalog = PolicyCatalog.LoadDirectoryOrEmpty(folder);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(new SlaFunctions.Monitoring.Catalog.PolicySources(folder));
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);

        var storage = (builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).WithLocalDefault();
        var webhooks = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        var sweep = builder.Configuration.GetSection(SweepOptions.Section).Get<SweepOptions>() ?? new SweepOptions();
        var notices = builder.Configuration.GetSection(NoticeOptions.Section).Get<NoticeOptions>() ?? new NoticeOptions();
        var email = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        var hooks = builder.Configuration.GetSection(HookOptions.Section).Get<HookOptions>() ?? new HookOptions();
        // Locally, .eml files need no real sender; a real mail system does, so smtp and acs must set Email:From.
        if (string.Equals(email.Transport, EmailOptions.PickupTransport, StringComparison.OrdinalIgnoreCase))
        {
            email.From ??= "sla@localhost.localdomain";
        }
        var templates = folder is null ? null : Path.Combine(folder, "templates");
        var problems = storage.Problems().Concat(webhooks.Problems(catalog)).Concat(CustomerLinks.Problems(webhooks)).Concat(sweep.Problems()).Concat(notices.Problems()).Concat(email.Problems())
            .Concat(hooks.Problems(catalog.Ids, [.. webhooks.Connections.Keys]))
            .Concat(new NoticeTemplates(templates).Problems()).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Settings", typeof(SlaOptions), problems);
        }
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(webhooks);
        builder.Services.AddSingleton(new CaseTables(storage));
        var behindHost = FunctionsHost.IsPresent(builder.Configuration);
        builder.Services.AddSingleton(new ApiKeyCheck(api, behindHost));
        builder.Services.AddSingleton<CaseIngestion>();
        builder.Services.AddSingleton<CaseQueries>();
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddSingleton<ConnectionDiagnostics>();
        builder.Services.AddSingleton<SetAsideNotices>();
        builder.Services.AddSingleton<ComplianceReports>();
        builder.Services.AddSingleton<SlaFunctions.Monitoring.WhatIf.WhatIfReplay>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(BoardOptions.Section).Get<BoardOptions>() ?? new BoardOptions());
        builder.Services.AddSingleton<BoardCache>();
        builder.Services.AddSingleton(provider => new WebhookAdapters(provider.GetRequiredService<IClock>()));
        builder.Services.AddSingleton<PolicyRecompute>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sweep);
        builder.Services.AddSingleton(notices);
        builder.Services.AddSingleton<NoticeRecipients>();
        builder.Services.AddSingleton<CustomerLinks>();
        builder.Services.AddSingleton<CaseJudge>();
        builder.Services.AddSingleton<ISweep, Sweeper>();
        builder.Services.AddSingleton<ISliceSweep, SliceSweeper>();
        builder.Services.AddSingleton(new StorageNoticeQueue(storage));
        builder.Services.AddSingleton(new StorageSliceQueue(storage));
        builder.Services.AddSingleton(email);
        builder.Services.AddSingleton(new NoticeTemplates(templates));
        builder.Services.AddHttpClient(nameof(IEmailTransport));
        builder.Services.AddSingleton(provider => EmailTransportFactory.Create(email, builder.Environment.ContentRootPath,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IEmailTransport)), provider.GetRequiredService<IClock>()));
        builder.Services.AddSingleton(hooks);
        // Standard Webhooks: a request gets 15-30 s, and a redirect is a failure to report, never to follow.
        builder.Services.AddHttpClient(nameof(HookSender), client => client.Timeout = TimeSpan.FromSeconds(hooks.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton(provider => new HookSender(provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HookSender)), hooks,
            provider.GetRequiredService<IClock>()));
        builder.Services.AddSingleton<INoticeInbox, NoticeSender>();
        builder.Services.AddSingleton<NoticeQueueWake>();
        if (!behindHost && sweep.RunStandalone)
        {
            builder.Services.AddHostedService<SweepTimer>();
            builder.Services.AddHostedService<NoticeQueueListener>();
            builder.Services.AddHostedService<SliceQueueListener>();
        }
        if (builder.Configuration.GetValue("Sla:RecomputeOnStart", true))
        {
            builder.Services.AddHostedService<PolicyRecomputeOnStart>();
        }
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, MonitoringJsonContext.Default));
        builder.Services.AddHostedService(provider => new PolicyStartupLog(provider.GetRequiredService<ILogger<PolicyCatalog>>(), folder, catalog));
        return builder;
    }

    /// <summary>Turns any exception that escapes an endpoint into problem+json: 400 for a bad request the server
    /// refused to read, 500 (with no internals) for a bug.</summary>
    public static WebApplication UseSlaProblems(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var result = error is BadHttpRequestException bad
                ? Problem.Status(bad.StatusCode, "Bad request", bad.Message)
                : Problem.Status(StatusCodes.Status500InternalServerError, "Internal error", "The server failed; the error is logged. Retry, and report it if it persists.");
            await result.ExecuteAsync(context);
        }));
        // What routing answers by itself (no endpoint, a method the endpoint does not take) has no body: give it one.
        app.UseStatusCodePages(context => StatusProblem(context.HttpContext).ExecuteAsync(context.HttpContext));
        return app;
    }

    private static IResult StatusProblem(HttpContext context)
    {
        var (method, path, status) = (context.Request.Method, context.Request.Path, context.Response.StatusCode);
        return status switch
        {
            StatusCodes.Status404NotFound => Problem.Status(status, "Not found", $"No endpoint answers {method} {path}; the README lists the API's routes."),
            StatusCodes.Status405MethodNotAllowed => Problem.Status(status, "Method not allowed",
                $"{path} does not take {method}; it takes {(context.Response.Headers.Allow.ToString() is { Length: > 0 } allow ? allow : "other methods")}."),
            _ => Problem.Status(status, ReasonPhrases.GetReasonPhrase(status), $"The request to {method} {path} was refused with {status}."),
        };
    }

    private sealed partial class PolicyStartupLog(ILogger logger, string? folder, PolicyCatalog catalog) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (folder is null)
            {
                NoPolicies(logger);
            }
            else
            {
                var ids = catalog.Ids;
                Loaded(logger, ids.Count, folder, ids);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Loaded {Count} policies from {Folder}: {Ids}")]
        private static partial void Loaded(ILogger logger, int count, string folder, IReadOnlyList<string> ids);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "No policies folder found (Sla:PoliciesPath); only inline policies can be previewed")]
        private static partial void NoPolicies(ILogger logger);
    }
}
