namespace SlaFunctions.Monitoring.Board;

/// <summary>The board: open cases ordered by when they breached or will breach, with the values the filters offer.</summary>
public sealed record BoardView
{
    /// <summary>The instant the cases are judged at, UTC.</summary>
    public required string AsOf { get; init; }

    /// <summary>When the case rows were read from storage (the board keeps them a few seconds), UTC.</summary>
    public required string ReadAt { get; init; }

    /// <summary>Open cases in all.</summary>
    public required int Open { get; init; }

    /// <summary>Open cases that pass the filters, the state filter included.</summary>
    public required int Matching { get; init; }

    /// <summary>How many of the cases the filters other than <c>state</c> pass are breached, atRisk, running, paused
    /// and waiting.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>The values each filter can take, from every open case, sorted.</summary>
    public required BoardFacets Facets { get; init; }

    /// <summary>The first <c>limit</c> matching cases, breached first (longest late first), then by due.</summary>
    public required IReadOnlyList<BoardCase> Cases { get; init; }
}
