using System.Net;
using System.Text.Json.Nodes;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The timer trigger: <c>POST /sweep</c> runs the sweep and answers with its notices as the
/// <c>escalations</c> Service Bus output binding's messages.</summary>
public sealed class SweepInvocationTests : IAsyncLifetime
{
    private readonly FunctionsHostApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Sweep_NoticesDue_EachBecomesOneEscalationsMessage()
    {
        _api.Sweep.Due.AddRange([FunctionsHostApi.SampleNotice("42"), FunctionsHostApi.SampleNotice("43", "resolution-breach")]);

        var (response, body) = await _api.InvokeAsync("sweep", Envelope.Timer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var messages = body!["Outputs"]!["escalations"]!.AsArray();
        Assert.Equal(2, messages.Count);
        // Each element is one message body: the notice's own JSON text, as a string (not a nested object).
        Assert.Equal(NoticeJson.ToText(_api.Sweep.Due[0]), messages[0]!.GetValue<string>());
        Assert.Equal("acme-zendesk/43/resolution-breach:0", NoticeJson.Read(messages[1]!.GetValue<string>()).Id);
        Assert.Equal("Sweep: 7 cases due, 2 notices and 0 slices queued.", Assert.Single(body["Logs"]!.AsArray())!.GetValue<string>());
        Assert.Null(body["ReturnValue"]);
        Assert.True(body.AsObject().ContainsKey("ReturnValue"));
    }

    [Fact]
    public async Task Sweep_SlicesCut_EachBecomesOneSlicesMessage()
    {
        _api.Sweep.Cut.AddRange(["2026030909-20260309090000|acme-zendesk|42", "2026030909-20260309090500|acme-zendesk|77"]);

        var (response, body) = await _api.InvokeAsync("sweep", Envelope.Timer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_api.Sweep.Cut, body!["Outputs"]!["slices"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Empty(body["Outputs"]!["escalations"]!.AsArray());
        Assert.Equal("Sweep: 7 cases due, 0 notices and 2 slices queued.", body["Logs"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Sweep_NothingDue_EmptyEscalations()
    {
        var (response, body) = await _api.InvokeAsync("sweep", Envelope.Timer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body!["Outputs"]!["escalations"]!.AsArray());
        Assert.Equal(1, _api.Sweep.Runs);
    }

    [Fact]
    public async Task Sweep_PastDue_SaysSoInLogs()
    {
        var (_, body) = await _api.InvokeAsync("sweep", Envelope.Timer(pastDue: true));

        Assert.EndsWith("(the run was past due).", body!["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_StorageFailsMidway_503FailsTheInvocationAndSendsNothing()
    {
        _api.Sweep.Due.Add(FunctionsHostApi.SampleNotice("42"));
        _api.Sweep.Failure = new StorageUnavailableException("Table Storage is unavailable.");

        var (response, body) = await _api.InvokeAsync("sweep", Envelope.Timer());

        // Non-2xx fails the invocation: the host drops the outputs, and the sweep sends unacknowledged notices again.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(body!["Outputs"]!.AsObject());
        Assert.StartsWith("Sweep failed (StorageUnavailableException", body["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_Bug_500FailsTheInvocation()
    {
        _api.Sweep.Failure = new InvalidOperationException("bug");

        var (response, _) = await _api.InvokeAsync("sweep", Envelope.Timer());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")] // a truncated or foreign body
    [InlineData("[1,2]")] // JSON, but not an envelope
    public async Task Sweep_NotAnEnvelope_400WithoutSweeping(string envelope)
    {
        var (response, body) = await _api.InvokeAsync("sweep", envelope);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Refused:", body!["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, _api.Sweep.Runs);
    }

    [Fact]
    public async Task Sweep_EnvelopeWithoutTimerData_StillSweeps()
    {
        // Only the trigger matters, not its data: a host that sent no timer object still means "run now".
        var (response, _) = await _api.InvokeAsync("sweep", new JsonObject { ["Data"] = new JsonObject(), ["Metadata"] = new JsonObject() }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _api.Sweep.Runs);
    }
}
