namespace SlaFunctions.Policies;

/// <summary>Policies could not be loaded; <see cref="Problems"/> lists every problem found, file by file.</summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/>.</summary>
    public PolicyLoadException(string source, IReadOnlyList<string> problems)
        : base($"The policies in '{source}' have {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Source = source;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PolicyLoadException()
        : this("policies", [])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PolicyLoadException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Each problem, as <c>file: path: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
