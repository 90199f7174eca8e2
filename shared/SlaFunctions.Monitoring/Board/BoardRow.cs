using System.Text.Json;
using NodaTime;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Board;

/// <summary>An open case row read for the board: the row's fields plus its targets parsed once, when read, so a board
/// request only has to judge them against now.</summary>
internal sealed record BoardRow
{
    public required CaseSnapshot Case { get; init; }

    public required string Customer { get; init; }

    public required IReadOnlyList<BoardTarget> Targets { get; init; }

    /// <summary>Sorts the board: the instant the case breached (or will breach); paused and waiting cases last.</summary>
    public required Instant SortKey { get; init; }

    public static BoardRow From(CaseSnapshot row, string customer)
    {
        var targets = row.TargetsJson is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.IReadOnlyListPreviewTarget) ?? []
            : [];
        var parsed = targets.Select(t => new BoardTarget
        {
            Name = t.Name,
            Calendar = t.Calendar,
            State = t.State,
            DueAt = Read(t.DueAt),
            BreachedAt = Read(t.BreachedAt),
            PausedSince = Read(t.PausedSince),
            AtRiskAt = Read(t.AtRiskAt),
        }).ToList();
        var breached = parsed.Where(t => t.State == "breached").Select(t => t.BreachedAt ?? t.DueAt).Min();
        var due = parsed.Where(t => t.State == "running").Select(t => t.DueAt).Min();
        return new BoardRow
        {
            Case = row,
            Customer = customer,
            Targets = parsed,
            SortKey = Min(breached, due) ?? Instant.MaxValue,
        };
    }

    private static Instant? Min(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);

    private static Instant? Read(string? text) => text is not null && InstantText.TryParse(text, out var at, out _) ? at : null;
}
