namespace SlaFunctions.Monitoring.Board;

/// <summary>Settings of the <c>Board</c> section.</summary>
public sealed class BoardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Board";

    /// <summary>How long, in seconds, the board serves the case rows it read before reading again; 0 reads on every
    /// request, and a negative value counts as 0. Default 5.</summary>
    public int CacheSeconds { get; set; } = 5;
}
