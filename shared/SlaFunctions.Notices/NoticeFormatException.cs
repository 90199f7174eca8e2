namespace SlaFunctions.Notices;

/// <summary>A queue message is not a notice this build can read: a poison message, never retried.</summary>
public sealed class NoticeFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoticeFormatException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public NoticeFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parser's error.</summary>
    public NoticeFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
