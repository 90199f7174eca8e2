using NodaTime;
using SlaFunctions.Webhooks.Reading;

namespace SlaFunctions.Webhooks.CloudEvents;

/// <summary>A CloudEvent's context attributes, from the body (structured mode) or the <c>ce-*</c> headers (binary
/// mode), with problems recorded at the attribute's place in either.</summary>
internal sealed class CloudEventAttributes
{
    private readonly PayloadReader _body;
    private readonly WebhookRequest? _headers;

    /// <summary>Attributes read from the body's top level (structured mode).</summary>
    public CloudEventAttributes(PayloadReader body) => _body = body;

    /// <summary>Attributes read from <paramref name="headers"/>' <c>ce-*</c> headers (binary mode); problems still go
    /// into <paramref name="body"/>'s list.</summary>
    public CloudEventAttributes(PayloadReader body, WebhookRequest headers)
    {
        _body = body;
        _headers = headers;
    }

    /// <summary>True once any problem has been recorded for this delivery.</summary>
    public bool HasProblems => _body.HasProblems;

    /// <summary>The attribute <paramref name="name"/>; records a problem and returns null when it is absent or blank.</summary>
    public string? Required(string name)
    {
        var value = Value(name);
        if (value is null)
        {
            Problem(name, "is required.");
        }
        return value;
    }

    /// <summary>The attribute <paramref name="name"/> (an extension attribute such as <c>tier</c>); null when absent or blank.</summary>
    public string? Optional(string name) => Value(name);

    /// <summary>The attribute <paramref name="name"/> as an RFC 3339 time; records a problem and returns null when it is
    /// absent or has no offset.</summary>
    public Instant? Time(string name)
    {
        var text = Required(name);
        if (text is null)
        {
            return null;
        }
        if (WebhookTime.TryParse(text, out var instant, out var error))
        {
            return instant;
        }
        Problem(name, $"{error}.");
        return null;
    }

    /// <summary>Records a problem at the attribute <paramref name="name"/>: <c>time</c>, or <c>header ce-time</c>.</summary>
    public void Problem(string name, string message) => _body.Problem(_headers is null ? name : $"header ce-{name}", message);

    private string? Value(string name)
    {
        if (_headers is null)
        {
            return _body.String(name);
        }
        // The HTTP binding percent-encodes header values outside printable ASCII.
        var value = _headers.Header($"ce-{name}");
        return string.IsNullOrWhiteSpace(value) ? null : Uri.UnescapeDataString(value.Trim());
    }
}
