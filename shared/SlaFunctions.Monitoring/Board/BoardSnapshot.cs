using NodaTime;

namespace SlaFunctions.Monitoring.Board;

/// <summary>The open case rows as last read, sorted by when they breached or will breach, with the filters' values.</summary>
internal sealed record BoardSnapshot(IReadOnlyList<BoardRow> Rows, BoardFacets Facets, Instant ReadAt)
{
    public static BoardSnapshot Of(IEnumerable<BoardRow> rows, Instant readAt)
    {
        var sorted = rows.OrderBy(r => r.SortKey).ToList();
        return new BoardSnapshot(sorted, new BoardFacets
        {
            Policies = Distinct(sorted.Select(r => r.Case.PolicyId)),
            Customers = Distinct(sorted.Select(r => r.Customer)),
            Severities = Distinct(sorted.Select(r => r.Case.Severity)),
            Assignees = Distinct(sorted.Select(r => r.Case.Assignee ?? BoardFilter.Unassigned)),
        }, readAt);
    }

    private static string[] Distinct(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
