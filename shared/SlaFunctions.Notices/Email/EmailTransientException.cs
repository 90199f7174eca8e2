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
}
