using System.Text.Json;

namespace SlaFunctions.Notices.Tests.Email;

/// <summary>One request the fake ACS endpoint took, after it checked who sent it.</summary>
internal sealed record AcsReceivedRequest(string PathAndQuery, string? OperationId, JsonElement Body);
