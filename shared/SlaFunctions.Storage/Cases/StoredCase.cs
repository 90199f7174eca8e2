using Azure;

namespace SlaFunctions.Storage.Cases;

/// <summary>A case as the store last saw it: the record, its row's ETag, and how its history is laid out (archive rows
/// written, and the stretch the case row holds), which the next commit extends.</summary>
internal sealed record StoredCase(CaseRecord Record, ETag ETag, int Archived, HistoryPart Tail);
