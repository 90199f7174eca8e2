namespace SlaFunctions.Notices.Templates;

/// <summary>A template could not be parsed or rendered. The message names the template's file.</summary>
public sealed class NoticeTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoticeTemplateException()
    {
    }

    /// <summary>Creates the exception with a message naming the file and saying what is wrong.</summary>
    public NoticeTemplateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the template engine's error.</summary>
    public NoticeTemplateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
