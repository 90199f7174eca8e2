namespace SlaFunctions.Storage;

/// <summary>Storage failed after retries (unreachable, throttled, or too much contention); the caller should answer
/// 503 with Retry-After so the ticket tool delivers again. Nothing was half-written.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException()
        : base("Table Storage is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
