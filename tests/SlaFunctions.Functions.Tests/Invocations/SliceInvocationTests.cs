using System.Net;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The slice worker's queue trigger: <c>POST /sweep-slice</c> judges the slice named by the message and
/// answers with its notices as the <c>escalations</c> Service Bus output binding's messages.</summary>
public sealed class SliceInvocationTests : IAsyncLifetime
{
    private const string Slice = "2026030909-20260309090000|acme-zendesk|42";
    private readonly FunctionsHostApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Slice_NoticesDue_JudgesTheSliceNamed_EachNoticeOneEscalationsMessage()
    {
        _api.Slices.Due.Add(FunctionsHostApi.SampleNotice("42"));

        var (response, body) = await _api.InvokeAsync("sweep-slice", Envelope.Queue("slice", Slice, 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Slice], _api.Slices.Judged);
        var message = Assert.Single(body!["Outputs"]!["escalations"]!.AsArray());
        Assert.Equal(NoticeJson.ToText(_api.Slices.Due[0]), message!.GetValue<string>());
        Assert.Equal($"Slice {Slice}: 3 cases judged, 1 notices queued.", body["Logs"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Slice_StorageFails_503SoTheMessageComesAgain_NothingSent()
    {
        _api.Slices.Due.Add(FunctionsHostApi.SampleNotice("42"));
        _api.Slices.Failure = new StorageUnavailableException("Table Storage is unavailable.");

        var (response, body) = await _api.InvokeAsync("sweep-slice", Envelope.Queue("slice", Slice, 2));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(body!["Outputs"]!.AsObject());
    }

    [Fact]
    public async Task Slice_NoSliceId_400WithoutJudging()
    {
        var (response, _) = await _api.InvokeAsync("sweep-slice", Envelope.Timer());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_api.Slices.Judged);
    }
}
