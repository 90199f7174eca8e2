using System.Net;
using SlaFunctions.Engine.Clocks;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Deliveries out of order: a late retry adds its events at their own times, and never puts back fields
/// that a delivery the tool modified later has already set.</summary>
public sealed partial class WebhookEndpointsTests
{
    [Theory]
    [InlineData("2026-03-07T10:00Z", "Old title")] // modified before the newer one: a late retry
    [InlineData("2026-03-07T12:00Z", "New title")] // modified at the same minute: the later arrival wins, as before
    [InlineData("2026-03-07T13:00Z", "Late but newer")] // arrives late but was modified later: it is the newest
    public async Task Receive_LateDelivery_NewerFieldsKept(string lateUpdatedAt, string lateTitle)
    {
        await PostAsync(Body("ticket.created", "95", "2026-03-06T23:30Z", title: "First title"), "i-95a");
        await PostAsync(Body("ticket.changed", "95", "2026-03-07T12:00Z", status: "Pending", title: "New title"), "i-95b");

        var (response, _) = await PostAsync(Body("ticket.changed", "95", lateUpdatedAt, status: "Open", title: lateTitle), "i-95c");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await CaseAsync("95");
        Assert.Equal(lateTitle == "Old title" ? "New title" : lateTitle, stored!.Snapshot.Title);
        // Its events are kept all the same, at their own time.
        Assert.Contains(stored.History, h => h.Event.Type == CaseEventType.Status && h.Event.Status == CaseStatus.Open);
    }
}
