using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>Invocation envelopes as the host writes them: it runs each scalar through JsonConvert.SerializeObject
/// first, so a string becomes a JSON string holding a quoted string, and an int becomes a string of digits.</summary>
public static class Envelope
{
    /// <summary>What the host makes of a string value: <c>x</c> → <c>"\"x\""</c> on the wire.</summary>
    public static JsonNode HostString(string value) => JsonValue.Create(JsonSerializer.Serialize(value))!;

    /// <summary>What the host makes of an int: <c>1</c> → <c>"1"</c> on the wire.</summary>
    public static JsonNode HostInt(int value) => JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture))!;

    public static string Timer(bool pastDue = false) => new JsonObject
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject { ["Schedule"] = new JsonObject { ["AdjustForDST"] = true }, ["ScheduleStatus"] = null, ["IsPastDue"] = pastDue },
        },
        ["Metadata"] = Sys("sweep"),
    }.ToJsonString();

    /// <summary>A Service Bus message as extension 5.x delivers it to the <c>binding</c> trigger.</summary>
    public static string ServiceBus(string binding, string body, int deliveryCount, string messageId = "m-1", JsonObject? applicationProperties = null)
    {
        var metadata = new JsonObject
        {
            ["DeliveryCount"] = HostInt(deliveryCount),
            ["MessageId"] = HostString(messageId),
            ["LockToken"] = HostString("4223f5cd-4a80-4f3b-a7d3-1d1f2e5d9a11"),
            ["EnqueuedTimeUtc"] = HostString("2026-03-09T09:31:02.512Z"),
            ["SequenceNumber"] = "12",
            ["ContentType"] = HostString("application/json"),
            ["ApplicationProperties"] = applicationProperties ?? new JsonObject(),
            ["UserProperties"] = applicationProperties?.DeepClone() ?? new JsonObject(),
            ["sys"] = Sys(binding)["sys"]!.DeepClone(),
        };
        // The host also copies a JSON body's top-level members into Metadata.
        if (JsonNode.Parse(body) is JsonObject members)
        {
            foreach (var (name, value) in members)
            {
                metadata.TryAdd(name, value is JsonValue v && v.TryGetValue<string>(out var text) ? HostString(text) : value?.DeepClone());
            }
        }
        return new JsonObject { ["Data"] = new JsonObject { [binding] = HostString(body) }, ["Metadata"] = metadata }.ToJsonString();
    }

    /// <summary>A Storage Queue message as the queues extension delivers it to the <c>binding</c> trigger.</summary>
    public static string Queue(string binding, string body, int dequeueCount) => new JsonObject
    {
        ["Data"] = new JsonObject { [binding] = HostString(body) },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = HostInt(dequeueCount),
            ["Id"] = HostString("5b2f8c7e-1d3a-4f2b-9c6e-0a1b2c3d4e5f"),
            ["PopReceipt"] = HostString("AgAAAAMAAAAAAAAA"),
            ["InsertionTime"] = HostString("2026-03-09T09:31:02+00:00"),
            ["sys"] = Sys(binding)["sys"]!.DeepClone(),
        },
    }.ToJsonString();

    private static JsonObject Sys(string method) => new()
    {
        ["sys"] = new JsonObject { ["MethodName"] = method, ["UtcNow"] = "2026-03-09T09:31:00.004275Z", ["RandGuid"] = "35e6c1e2-3f6c-4a1c-9d0e-6f3c2b1a0d9e" },
    };
}
