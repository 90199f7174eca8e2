using Azure;

namespace SlaFunctions.Storage.Notices;

/// <summary>A notice in the outbox, as read.</summary>
/// <param name="Id">The notice's id.</param>
/// <param name="Body">The queue message: the notice's JSON.</param>
/// <param name="ETag">The row's version, so marking it queued loses to a concurrent change.</param>
public sealed record OutboxEntry(string Id, string Body, ETag ETag);
