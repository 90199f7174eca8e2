namespace SlaFunctions.Notices.Templates;

/// <summary>One of the three templates an audience has.</summary>
public enum TemplatePart
{
    /// <summary>The subject line (<c>&lt;audience&gt;.subject.liquid</c>).</summary>
    Subject,

    /// <summary>The HTML part (<c>&lt;audience&gt;.html.liquid</c>).</summary>
    Html,

    /// <summary>The plain-text part (<c>&lt;audience&gt;.text.liquid</c>).</summary>
    Text,
}
