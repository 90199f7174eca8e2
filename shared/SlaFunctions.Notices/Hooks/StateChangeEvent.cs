using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Notices.Hooks;

/// <summary>A state change as a CloudEvents 1.0 event in structured JSON mode: the body of an outbound webhook.</summary>
/// <remarks>Built from a <see cref="NoticeKind.StateChanged"/> notice alone, so every attempt at every endpoint sends
/// the same bytes under the same <see cref="Id"/>.</remarks>
public sealed record StateChangeEvent
{
    /// <summary>The media type of the body.</summary>
    public const string MediaType = "application/cloudevents+json";

    /// <summary>The prefix of every <see cref="Type"/>: <c>com.slafunctions.target.</c> and the state entered.</summary>
    public const string TypePrefix = Webhooks.CloudEvents.CloudEventTypes.Target;

    /// <summary>Always <c>1.0</c>.</summary>
    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>The same for every delivery of one change: <c>sla_</c> and 32 hex digits of the SHA-256 of the
    /// notice's id. Also the <c>webhook-id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary><c>/slafunctions/cases/&lt;connection&gt;</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary><c>com.slafunctions.target.running</c>, <c>.atRisk</c>, <c>.breached</c>, <c>.met</c> or <c>.stopped</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The ticket's id in its tool.</summary>
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    /// <summary>When the target entered the state (not when it was sent).</summary>
    [JsonPropertyName("time")]
    public required Instant Time { get; init; }

    /// <summary>Always <c>application/json</c>.</summary>
    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    /// <summary>The case and the change.</summary>
    [JsonPropertyName("data")]
    public required StateChangeData Data { get; init; }

    /// <summary>The event a state-change notice announces.</summary>
    /// <exception cref="ArgumentException"><paramref name="notice"/> is not a state change.</exception>
    public static StateChangeEvent From(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Change is not { } change)
        {
            throw new ArgumentException($"Notice {notice.Id} is a {notice.Kind}, not a state change.", nameof(notice));
        }
        return new StateChangeEvent
        {
            Id = IdOf(notice.Id),
            Source = "/slafunctions/cases/" + Uri.EscapeDataString(notice.Case.Connection),
            Type = TypePrefix + TargetChange.Word(change.To),
            Subject = notice.Case.ExternalId,
            Time = notice.At,
            Data = new StateChangeData
            {
                Connection = notice.Case.Connection,
                ExternalId = notice.Case.ExternalId,
                Title = notice.Case.Title,
                Url = notice.Case.Url,
                Customer = notice.Case.Customer,
                PolicyId = notice.Case.Policy,
                Severity = notice.Case.Severity,
                SeverityName = notice.Case.SeverityName,
                Target = change.Target,
                Promise = notice.Target?.Promise,
                From = change.From,
                To = change.To,
                At = notice.At,
                StartedAt = change.RunStartedAt,
                DueAt = change.DueAt,
                BreachedAt = change.To == TargetPhase.Breached ? change.DueAt ?? notice.At : null,
                MetAt = change.To == TargetPhase.Met ? notice.At : null,
            },
        };
    }

    /// <summary>The event's id for the notice <paramref name="noticeId"/>: no full stop (Standard Webhooks signs
    /// <c>id.timestamp.body</c>) and nothing of the ticket's own text.</summary>
    public static string IdOf(string noticeId) =>
        "sla_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(noticeId ?? throw new ArgumentNullException(nameof(noticeId)))))[..32];

    /// <summary>The event as compact UTF-8 JSON, the exact bytes signed and sent.</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, HookJsonContext.Default.StateChangeEvent);
}
