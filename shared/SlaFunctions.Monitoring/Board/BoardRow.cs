using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Board;

/// <summary>An open case row read for the board, with its sort key worked out once, when read, so a board request only
/// has to judge its targets against now.</summary>
internal sealed record BoardRow
{
    public required CaseSnapshot Case { get; init; }

    public required string Customer { get; init; }

    public IReadOnlyList<TargetRecord> Targets => Case.Targets;

    /// <summary>Sorts the board: the instant the case breached (or will breach); paused and waiting cases last.</summary>
    public required Instant SortKey { get; init; }

    public static BoardRow From(CaseSnapshot row, string customer)
    {
        ArgumentNullException.ThrowIfNull(row);
        var breached = row.Targets.Where(t => t.State == TargetState.Breached).Select(t => t.BreachedAt ?? t.DueAt).Min();
        var due = row.Targets.Where(t => t.State == TargetState.Running).Select(t => t.DueAt).Min();
        return new BoardRow
        {
            Case = row,
            Customer = customer,
            SortKey = Min(breached, due) ?? Instant.MaxValue,
        };
    }

    private static Instant? Min(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);
}
