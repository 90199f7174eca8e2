using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using DotLiquid;
using NodaTime;

namespace SlaFunctions.Notices.Templates;

/// <summary>Renders a notice as an email with Liquid templates: a customer-facing and an internal set, each a subject, an
/// HTML part and a text part, built in and overridable per policy from <c>templates/&lt;policyId&gt;/&lt;audience&gt;.&lt;part&gt;.liquid</c>.</summary>
/// <remarks>Templates see only strings and flags (no objects to reflect on). Every string is HTML-encoded before the
/// HTML part sees it, so a template cannot forget to escape what came from a ticket; the subject is made one line.
/// Parsed templates are cached, and each renders under its own lock (DotLiquid templates hold render state).</remarks>
public sealed class NoticeTemplates
{
    private readonly string? _folder;
    private readonly ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);

    /// <summary>Uses the built-in templates, overridden by files under <paramref name="overridesFolder"/> if given.</summary>
    public NoticeTemplates(string? overridesFolder = null) => _folder = overridesFolder;

    /// <summary>Renders <paramref name="notice"/> for <paramref name="audience"/>, showing times in <paramref name="zone"/>.</summary>
    /// <exception cref="InvalidOperationException">An override file does not parse; the message names it.</exception>
    public RenderedEmail Render(Notice notice, Audience audience, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(zone);
        var values = NoticeModel.Values(notice, audience, zone);
        var plain = Hash.FromDictionary(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
        var encoded = Hash.FromDictionary(values.ToDictionary(v => v.Name, v => v.Value is string text ? HtmlEncoder.Default.Encode(text) : v.Value, StringComparer.Ordinal));
        var subject = NoticeWords.OneLine(RenderPart(notice.Case.Policy, audience, "subject", plain));
        var html = RenderPart(notice.Case.Policy, audience, "html", encoded);
        var text = RenderPart(notice.Case.Policy, audience, "text", plain);
        return new RenderedEmail(subject, html, text);
    }

    /// <summary>Every problem with the override files under <paramref name="folder"/>: each that does not parse, by path.</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (TryParse(File.ReadAllText(file), out _) is { } error)
            {
                problems.Add($"{file}: {error}");
            }
        }
        return problems;
    }

    private string RenderPart(string policyId, Audience audience, string part, Hash values)
    {
        var template = Template(policyId, audience, part);
        lock (template)
        {
            return template.Render(new RenderParameters(System.Globalization.CultureInfo.InvariantCulture) { LocalVariables = values, ErrorsOutputMode = ErrorsOutputMode.Rethrow });
        }
    }

    private Template Template(string policyId, Audience audience, string part)
    {
        var name = $"{audience.ToString().ToLowerInvariant()}.{part}.liquid";
        var path = _folder is null ? null : Path.Combine(_folder, policyId, name);
        var key = path is not null && File.Exists(path) ? path : "builtin:" + name;
        return _cache.GetOrAdd(key, k => Parse(k, name));
    }

    private static Template Parse(string key, string name)
    {
        string source;
        if (key.StartsWith("builtin:", StringComparison.Ordinal))
        {
            using var stream = typeof(NoticeTemplates).Assembly.GetManifestResourceStream("SlaFunctions.Notices.Templates." + name)
                ?? throw new InvalidOperationException($"The built-in template {name} is missing from the build.");
            using var reader = new StreamReader(stream);
            source = reader.ReadToEnd();
        }
        else
        {
            source = File.ReadAllText(key);
        }
        return TryParse(source, out var template) is { } error
            ? throw new InvalidOperationException($"Template {key} does not parse: {error}")
            : template!;
    }


    // The parse error, or null with the template.
    private static string? TryParse(string source, out Template? template)
    {
        try
        {
            template = DotLiquid.Template.Parse(source);
            return null;
        }
        catch (DotLiquid.Exceptions.LiquidException ex)
        {
            template = null;
            return ex.Message;
        }
    }
}
