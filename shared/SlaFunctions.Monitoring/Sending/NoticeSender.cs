using System.Text;
using NodaTime;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Email;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Notices.Templates;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using SlaFunctions.Monitoring.Telemetry;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>The sender: takes a notice off the queue and emails each recipient once, in their working hours unless
/// it is urgent, retrying transient mail failures with back-off and setting aside what keeps failing. A state change
/// goes the same way to each webhook endpoint it names, as a signed CloudEvent, never held for working hours.</summary>
/// <remarks>
/// <para>Each recipient is claimed in <see cref="NoticeDeliveries"/> before the email goes out and marked after, so a
/// notice delivered twice (a redelivered message, two sweeps, a replay) reaches nobody twice.</para>
/// <para>Waiting (held for working hours, or after a transient failure) is not left to the queue, whose redelivery has
/// no back-off on Service Bus: the notice goes back to the outbox with the time it is next due, the message is
/// finished, and the sweep queues it again then.</para>
/// </remarks>
public sealed partial class NoticeSender : INoticeInbox
{
    private static readonly Duration LongestRetry = Duration.FromHours(1);
    private static readonly Duration LongestAskedWait = Duration.FromDays(1);
    private readonly CaseTables _tables;
    private readonly PolicyCatalog _policies;
    private readonly NoticeRecipients _recipients;
    private readonly NoticeOptions _options;
    private readonly NoticeTemplates _templates;
    private readonly IEmailTransport _transport;
    private readonly EmailOptions _email;
    private readonly HookSender _hooks;
    private readonly CustomerLinks _links;
    private readonly IClock _clock;
    private readonly ILogger<NoticeSender> _logger;

    /// <summary>Creates the sender.</summary>
    public NoticeSender(CaseTables tables, PolicyCatalog policies, NoticeRecipients recipients, NoticeOptions options, NoticeTemplates templates,
        IEmailTransport transport, EmailOptions email, HookSender hooks, CustomerLinks links, IClock clock, ILogger<NoticeSender> logger)
    {
        _links = links;
        _hooks = hooks;
        _tables = tables;
        _policies = policies;
        _recipients = recipients;
        _options = options;
        _templates = templates;
        _transport = transport;
        _email = email;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task ReceiveAsync(ReadOnlyMemory<byte> body, int deliveryCount, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        Notice notice;
        try
        {
            notice = NoticeJson.Read(body.Span);
        }
        catch (NoticeFormatException ex)
        {
            await SetAsideAsync(Encoding.UTF8.GetString(body.Span), null, null, ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }
        var key = new CaseKey(notice.Case.Connection, notice.Case.ExternalId);
        var pointKey = notice.PointKey;
        // Continues the sweep's trace across the queue, when the sweep was traced.
        var parent = System.Diagnostics.ActivityContext.TryParse(notice.TraceParent, null, out var sweep) ? sweep : default;
        using var activity = SlaTelemetry.Source.StartActivity("notice.send", System.Diagnostics.ActivityKind.Consumer, parent);
        activity?.SetTag("sla.kind", Kind(notice));
        activity?.SetTag("sla.policy", notice.Case.Policy);
        if (await JudgeAgainAsync(notice, key, cancellationToken).ConfigureAwait(false) is not { } judged)
        {
            SlaTelemetry.Notice(Kind(notice), "dropped");
            Overtaken(_logger, notice.Id);
            await _tables.Outbox.RemoveAsync(notice.Id, cancellationToken).ConfigureAwait(false);
            return;
        }
        notice = judged;
        var (people, unresolved) = _recipients.Resolve(notice);
        foreach (var role in unresolved)
        {
            NobodyFor(_logger, notice.Id, role);
        }
        var about = new NoticeDelivery { PointKey = pointKey, Recipient = "", State = DeliveryState.Sending, Kind = notice.Kind.ToString().ToLowerInvariant(), Target = notice.Change?.Target ?? notice.Target?.Name ?? notice.Rule, At = notice.At };
        Instant? nextDue = null;
        foreach (var person in people)
        {
            var now = _clock.GetCurrentInstant();
            var (outcome, attempts, notBefore) = await _tables.Deliveries.ClaimAsync(key, pointKey, person.Address, about, now, _options.Lease, cancellationToken).ConfigureAwait(false);
            Instant? waitUntil = outcome switch
            {
                ClaimOutcome.Claimed => await SendOrWaitAsync(notice, key, pointKey, person, attempts, now, cancellationToken).ConfigureAwait(false),
                ClaimOutcome.Busy => now + _options.Lease,
                ClaimOutcome.NotYet => notBefore,
                _ => null,
            };
            if (waitUntil is { } until)
            {
                nextDue = nextDue is { } earlier && earlier < until ? earlier : until;
            }
        }
        if (nextDue is { } due)
        {
            await _tables.Outbox.PutAsync(notice.Id, NoticeJson.ToText(notice), due, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _tables.Outbox.RemoveAsync(notice.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task DeadLetterAsync(ReadOnlyMemory<byte> body, string reason, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(body.Span);
        string? id = null;
        try
        {
            id = NoticeJson.Read(body.Span).Id;
        }
        catch (NoticeFormatException)
        {
            // Unreadable: set aside under a name of its own.
        }
        await SetAsideAsync(text, id, null, $"The queue gave up: {reason}", cancellationToken).ConfigureAwait(false);
    }

    // The notice as of now: a warning is judged against the case as it stands (null when overtaken), and every
    // email tells the time left or late as of sending.
    private async Task<Notice?> JudgeAgainAsync(Notice notice, CaseKey key, CancellationToken cancellationToken)
    {
        if (notice.Target is null || notice.Kind == NoticeKind.StateChanged)
        {
            return notice;
        }
        var policy = _policies.TryGet(notice.Case.Policy, out var covering) ? covering : null;
        var record = notice.Kind == NoticeKind.Warning && policy is not null
            ? await _tables.Store.GetAsync(key, cancellationToken).ConfigureAwait(false)
            : null;
        return NoticeAtSending.Judge(notice, policy, record, _clock.GetCurrentInstant());
    }

    // Sends now, or says until when the recipient waits (held for working hours, or after a transient failure).
    private async Task<Instant?> SendOrWaitAsync(Notice notice, CaseKey key, string pointKey, NoticeRecipient person, int attempts, Instant now, CancellationToken cancellationToken)
    {
        if (!IsUrgent(notice, person) && person.Hours is { } hours && !hours.IsOpenAt(now))
        {
            var opening = hours.NextOpening(now);
            await _tables.Deliveries.MarkWaitingAsync(key, pointKey, person.Address, DeliveryState.Held, attempts, opening, null, cancellationToken).ConfigureAwait(false);
            Held(_logger, notice.Id, person.Address, opening);
            SlaTelemetry.Notice(Kind(notice), "held");
            return opening;
        }
        var attempt = attempts + 1;
        if (await TryAsync(notice, person, cancellationToken).ConfigureAwait(false) is not { } failure)
        {
            await _tables.Deliveries.MarkSentAsync(key, pointKey, person.Address, attempt, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            Sent(_logger, notice.Id, person.Address);
            SlaTelemetry.Notice(Kind(notice), "sent");
            return null;
        }
        if (failure.Transient && attempt < _options.MaxAttempts)
        {
            // Back-off doubles from RetryAfter up to an hour; a longer wait the other side asked for (up to a day) wins.
            var backOff = Duration.FromTimeSpan(_options.RetryAfter) * Math.Pow(2, attempts);
            var wait = backOff < LongestRetry ? backOff : LongestRetry;
            if (failure.RetryAfter is { } asked && Duration.FromTimeSpan(asked) > wait)
            {
                wait = Duration.FromTimeSpan(asked) < LongestAskedWait ? Duration.FromTimeSpan(asked) : LongestAskedWait;
            }
            var until = now + wait;
            await _tables.Deliveries.MarkWaitingAsync(key, pointKey, person.Address, DeliveryState.Waiting, attempt, until, failure.Reason, cancellationToken).ConfigureAwait(false);
            Retrying(_logger, notice.Id, person.Address, attempt, failure.Reason, until, failure.Error);
            SlaTelemetry.Notice(Kind(notice), "retrying");
            return until;
        }
        var reason = failure.Transient ? $"Failed {attempt} times; the last: {failure.Reason}" : failure.Reason;
        await _tables.Deliveries.MarkPoisonAsync(key, pointKey, person.Address, attempt, reason, cancellationToken).ConfigureAwait(false);
        await SetAsideAsync(NoticeJson.ToText(notice), notice.Id, person.Address, reason, cancellationToken).ConfigureAwait(false);
        SlaTelemetry.Notice(Kind(notice), "poison");
        return null;
    }

    private static string Kind(Notice notice) => notice.Kind.ToString().ToLowerInvariant();

    // One try at one recipient: null when it went, else why not and whether trying again may help.
    private async Task<Failure?> TryAsync(Notice notice, NoticeRecipient person, CancellationToken cancellationToken)
    {
        if (person.IsHook)
        {
            var result = await _hooks.SendAsync(notice, person.Address, cancellationToken).ConfigureAwait(false);
            return result.Outcome == HookOutcome.Delivered ? null : new Failure(result.Outcome == HookOutcome.Transient, result.Reason ?? "", result.RetryAfter, null);
        }
        var message = person.IsCustomer
            ? _templates.Compose(_links.ForCustomer(notice), Audience.Customer, person.Zone, _email.From!, person.Address)
            : _templates.Compose(notice, Audience.Internal, person.Zone, _email.From!, person.Address);
        try
        {
            await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (EmailTransientException ex)
        {
            return new Failure(true, ex.Message, ex.RetryAfter, ex);
        }
        catch (EmailRejectedException ex)
        {
            return new Failure(false, $"Refused by the mail system: {ex.Message}", null, ex);
        }
    }

    private bool IsUrgent(Notice notice, NoticeRecipient person)
    {
        if (person.Role == RecipientRole.OnCall)
        {
            return true;
        }
        if (notice.Kind == NoticeKind.Warning)
        {
            return false;
        }
        var urgent = _options.UrgentSeverities.TryGetValue(notice.Case.Policy, out var listed)
            ? listed
            : _policies.TryGet(notice.Case.Policy, out var policy) && policy.Severities.Count > 0 ? [policy.Severities[0].Id] : [];
        return urgent.Contains(notice.Case.Severity, StringComparer.OrdinalIgnoreCase);
    }

    private async Task SetAsideAsync(string body, string? noticeId, string? recipient, string reason, CancellationToken cancellationToken)
    {
        // A URL-safe id: the same notice and recipient (or the same unreadable body) is one entry.
        var identity = noticeId is null ? "message|" + body : recipient is null ? noticeId : $"{noticeId}|{recipient.ToLowerInvariant()}";
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        await _tables.Poison.AddAsync(new PoisonNotice { Id = id, NoticeId = noticeId, Recipient = recipient, Reason = reason, Body = body, At = _clock.GetCurrentInstant() }, cancellationToken).ConfigureAwait(false);
        SetAside(_logger, id, reason);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Notice {NoticeId} sent to {Recipient}")]
    private static partial void Sent(ILogger logger, string noticeId, string recipient);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Notice {NoticeId} to {Recipient} held until their working hours at {Until}")]
    private static partial void Held(ILogger logger, string noticeId, string recipient, Instant until);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Notice {NoticeId} to {Recipient} failed (attempt {Attempt}): {Reason}; trying again at {Until}")]
    private static partial void Retrying(ILogger logger, string noticeId, string recipient, int attempt, string reason, Instant until, Exception? exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Notice {Id} set aside as poison: {Reason}")]
    private static partial void SetAside(ILogger logger, string id, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Notice {NoticeId} dropped: its target is no longer running, so the warning is overtaken")]
    private static partial void Overtaken(ILogger logger, string noticeId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Notice {NoticeId}: '{Role}' names nobody (no address on the case or in settings)")]
    private static partial void NobodyFor(ILogger logger, string noticeId, string role);

    /// <summary>Why one try failed.</summary>
    /// <param name="Transient">True when trying again later may help.</param>
    /// <param name="Reason">What happened, for the delivery record and the poison list.</param>
    /// <param name="RetryAfter">How long the other side asked us to wait, if it said.</param>
    /// <param name="Error">The exception behind it, for the log.</param>
    private readonly record struct Failure(bool Transient, string Reason, TimeSpan? RetryAfter, Exception? Error);
}
