using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using NodaTime;
using SlaFunctions.Notices.Email;

namespace SlaFunctions.Notices.Templates;

/// <summary>Renders notices into emails with Liquid templates: one set for customers, one for the support team,
/// each with a subject, an HTML and a plain-text part.</summary>
/// <remarks>The defaults are embedded in this assembly. A policy overrides any part by placing
/// <c>&lt;overridesFolder&gt;/&lt;policyId&gt;/&lt;audience&gt;.&lt;part&gt;.liquid</c> (for example
/// <c>policies/templates/lumenvox/customer.html.liquid</c>); parts it does not override fall back to the defaults
/// one by one. Each file is parsed once, on first use. In the HTML part every value from the notice is already
/// HTML-encoded (do not add <c>escape</c>); the subject is forced onto one line after rendering. The engine is
/// DotLiquid: a filter it does not know passes the value through unchanged, <c>include</c> is not available, and under
/// Native AOT the arithmetic filters (<c>plus</c>, <c>minus</c>…) fail. Safe to share between threads.</remarks>
public sealed class NoticeTemplates
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly NoticeTemplateFiles _files;

    /// <summary>Creates the renderer.</summary>
    /// <param name="overridesFolder">The folder of per-policy overrides (the app passes <c>policies/templates</c>);
    /// null, empty or missing means defaults only.</param>
    public NoticeTemplates(string? overridesFolder = null) => _files = new NoticeTemplateFiles(overridesFolder);

    /// <summary>Renders <paramref name="notice"/> for <paramref name="audience"/>, with times in
    /// <paramref name="recipientZone"/> and in UTC.</summary>
    /// <exception cref="NoticeTemplateException">A template that applies fails to parse or render; the message
    /// names its file.</exception>
    public RenderedEmail Render(Notice notice, Audience audience, DateTimeZone recipientZone)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipientZone);
        var policy = notice.Case.Policy;
        var plain = NoticeModel.For(notice, audience, recipientZone, static text => text);
        var encoded = NoticeModel.For(notice, audience, recipientZone, Html.Encode);
        return new RenderedEmail(
            NoticeWording.OneLine(_files.For(policy, audience, TemplatePart.Subject).Render(plain)),
            _files.For(policy, audience, TemplatePart.Html).Render(encoded),
            Tidy(_files.For(policy, audience, TemplatePart.Text).Render(plain)));
    }

    /// <summary>Renders <paramref name="notice"/> and addresses it to one recipient. The message's id is
    /// <see cref="EmailMessage.IdFor"/> of the notice id and <paramref name="to"/>, so the same notice for the same
    /// recipient always has the same id.</summary>
    /// <exception cref="NoticeTemplateException">A template that applies fails to parse or render.</exception>
    public EmailMessage Compose(Notice notice, Audience audience, DateTimeZone recipientZone, string from, string to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var rendered = Render(notice, audience, recipientZone);
        return new EmailMessage
        {
            Id = EmailMessage.IdFor(notice.Id, to),
            From = from,
            To = to,
            Subject = rendered.Subject,
            Html = rendered.Html,
            Text = rendered.Text,
        };
    }

    /// <summary>Parses every default template and every override file, for a check at startup: each problem names
    /// its file; empty when all parse.</summary>
    public IReadOnlyList<string> Problems() => _files.Problems();

    // Liquid tags leave their line breaks behind: drop trailing blanks and keep at most one empty line in a row.
    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1 && (line.Length > 0 || builder.Length > 0))
            {
                builder.Append(line).Append('\n');
            }
        }
        return builder.ToString().TrimEnd('\n') + "\n";
    }
}
