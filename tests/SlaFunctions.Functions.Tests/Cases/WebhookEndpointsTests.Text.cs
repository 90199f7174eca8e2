using System.Net;
using System.Text;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Odd text: a cosmetic field never costs the case (it is kept, cleaned or shortened, with a note); only a
/// ticket id that cannot identify the case is refused, as a 400 naming it, with nothing written.</summary>
public sealed partial class WebhookEndpointsTests
{
    private const string Marker = "TITLE-MARKER";

    // A created-ticket body whose title (or id) is replaced by raw JSON text after serialising, so it can hold escapes
    // and bytes a serialiser would never write.
    private static byte[] WithRaw(string id, byte[] titleJson, bool inId = false)
    {
        var body = Body("ticket.created", inId ? Marker : id, "2026-03-06T23:30Z", title: Marker);
        var parts = body.Split('"' + Marker + '"');
        var titleText = inId ? "\"Calls drop\""u8.ToArray() : titleJson;
        return inId
            ? [.. Encoding.UTF8.GetBytes(parts[0]), .. titleJson, .. Encoding.UTF8.GetBytes(parts[1]), .. titleText, .. Encoding.UTF8.GetBytes(parts[2])]
            : [.. Encoding.UTF8.GetBytes(parts[0]), .. titleJson, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    public static TheoryData<string, byte[]> BadTitles => new()
    {
        { "lone high surrogate", "\"Calls \\ud800 drop\""u8.ToArray() },
        { "lone low surrogate", "\"Calls \\uDC00 drop\""u8.ToArray() },
        { "surrogates reversed", "\"\\udc00\\ud800\""u8.ToArray() },
        { "invalid UTF-8", [.. "\"Calls "u8, 0xFF, 0xC3, .. " drop\""u8] },
        { "overlong UTF-8", [.. "\"Calls "u8, 0xC0, 0xAF, .. " drop\""u8] },
    };

    [Theory]
    [MemberData(nameof(BadTitles))]
    public async Task Receive_TitleNotValidUnicode_CaseKeptWithCleanedTitleAndNote(string why, byte[] title)
    {
        var (response, _) = await PostBytesAsync(WithRaw("80", title), "i-80");

        Assert.True(response.StatusCode == HttpStatusCode.OK, why);
        var stored = await CaseAsync("80");
        Assert.Contains('\uFFFD', stored!.Snapshot.Title!);
        Assert.Contains(stored.History, h => h.Event.Type == CaseEventType.SystemNote && h.Note!.Contains("ticket.title", StringComparison.Ordinal));
        Assert.NotNull(stored.Snapshot.NextDueAt);
    }

    [Theory]
    [InlineData(32 * 1024 + 1)] // just over what a table column holds
    [InlineData(200_000)] // most of the body
    public async Task Receive_LongTitle_CaseKeptWithShortenedTitleAndNote(int length)
    {
        var (response, _) = await PostAsync(Body("ticket.created", "81", "2026-03-06T23:30Z", title: new string('x', length)), "i-81");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await CaseAsync("81");
        Assert.True(stored!.Snapshot.Title!.Length <= 1000);
        Assert.StartsWith("xxxx", stored.Snapshot.Title, StringComparison.Ordinal);
        Assert.Contains(stored.History, h => h.Note?.Contains("title", StringComparison.Ordinal) == true && h.Note.Contains(length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[]> BadIds => new()
    {
        { "lone surrogate", "\"35\\ud800\""u8.ToArray() },
        { "invalid UTF-8", [.. "\"35"u8, 0xFF, .. "\""u8] },
        { "600 characters", Encoding.UTF8.GetBytes('"' + new string('7', 600) + '"') },
        { "161 characters", Encoding.UTF8.GetBytes('"' + new string('7', 161) + '"') },
        { "a control character", "\"35\\u0007\""u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Receive_IdThatCannotKeyACase_Is400NamingItAndWritesNothing(string why, byte[] id)
    {
        var (response, problem) = await PostBytesAsync(WithRaw("", id, inId: true), "i-82");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem!["errors"]!.AsArray(), e => (string)e!["path"]! == "ticket.id");
        var indexed = 0;
        await foreach (var _ in _store.Due.BetweenAsync(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0), default))
        {
            indexed++;
        }
        Assert.Equal(0, indexed);
    }

    [Theory]
    [InlineData('7')]
    [InlineData('/')] // three characters once escaped for a table key
    public async Task Receive_LongestId_IsKept(char c)
    {
        var id = new string(c, 160);

        var (response, _) = await PostAsync(Body("ticket.created", id, "2026-03-06T23:30Z"), "i-83");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await CaseAsync(id));
    }
}
