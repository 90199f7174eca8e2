namespace SlaFunctions.Notices.Email;

/// <summary>The mail system refused a message for good; retrying it will not help.</summary>
public sealed class EmailRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailRejectedException()
    {
    }

    /// <summary>Creates the exception with a message saying what failed.</summary>
    public EmailRejectedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public EmailRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
