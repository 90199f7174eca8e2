namespace SlaFunctions.Hosting;

/// <summary>Settings of the <c>Api</c> section: who may read cases.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>Keys accepted in the <c>x-api-key</c> header on the read API when running standalone. Under the
    /// Functions host the host checks its own function keys first.</summary>
    public List<string> Keys { get; set; } = [];
}
