namespace SlaFunctions.Notices.Email;

/// <summary>The mail system failed in a way worth retrying later.</summary>
public sealed class EmailTransientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailTransientException()
    {
    }

    /// <summary>Creates the exception with a message saying what failed.</summary>
    public EmailTransientException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public EmailTransientException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>How long the mail system asked us to wait before trying again (an HTTP <c>Retry-After</c>), or null
    /// when it did not say.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
