using System.Collections.Concurrent;
using System.Reflection;

namespace SlaFunctions.Notices.Templates;

/// <summary>Finds the template for a policy, audience and part: the policy's override file when there is one
/// (<c>&lt;folder&gt;/&lt;policyId&gt;/&lt;audience&gt;.&lt;part&gt;.liquid</c>), else the embedded default. Each
/// file is read and parsed once.</summary>
internal sealed class NoticeTemplateFiles
{
    private const string ResourcePrefix = "SlaFunctions.Notices.Templates.Defaults.";

    private readonly string? _overrides;
    private readonly ConcurrentDictionary<(string Policy, Audience Audience, TemplatePart Part), Lazy<ParsedTemplate>> _resolved = new();
    private readonly ConcurrentDictionary<string, Lazy<ParsedTemplate>> _defaults = new(StringComparer.Ordinal);

    public NoticeTemplateFiles(string? overridesFolder) =>
        _overrides = string.IsNullOrWhiteSpace(overridesFolder) ? null : overridesFolder;

    /// <summary>The file name of one part, the same for a default and an override: <c>customer.html.liquid</c>.</summary>
    public static string FileName(Audience audience, TemplatePart part) =>
        $"{audience.ToString().ToLowerInvariant()}.{part.ToString().ToLowerInvariant()}.liquid";

    /// <exception cref="NoticeTemplateException">The file that applies does not parse.</exception>
    public ParsedTemplate For(string policy, Audience audience, TemplatePart part)
    {
        var lazy = _resolved.GetOrAdd((policy, audience, part), key => new Lazy<ParsedTemplate>(() => Load(key.Policy, key.Audience, key.Part)));
        return lazy.Value;
    }

    /// <summary>Every template that does not parse, and every file in a policy's folder that is not one of the six
    /// template names, each naming its file; empty when all is well.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var expected = Enum.GetValues<Audience>().SelectMany(a => Enum.GetValues<TemplatePart>().Select(p => FileName(a, p))).ToHashSet(StringComparer.Ordinal);
        foreach (var name in expected)
        {
            Collect(problems, () => Default(name));
        }
        if (_overrides is null || !Directory.Exists(_overrides))
        {
            return problems;
        }
        foreach (var folder in Directory.EnumerateDirectories(_overrides).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                if (!expected.Contains(Path.GetFileName(file)))
                {
                    problems.Add($"{file}: not a template name; use <audience>.<part>.liquid with audience customer or internal and part subject, html or text.");
                    continue;
                }
                Collect(problems, () => ParsedTemplate.Parse(file, File.ReadAllText(file)));
            }
        }
        return problems;
    }

    private static void Collect(List<string> problems, Func<ParsedTemplate> parse)
    {
        try
        {
            parse();
        }
        catch (NoticeTemplateException ex)
        {
            problems.Add(ex.Message);
        }
    }

    private ParsedTemplate Load(string policy, Audience audience, TemplatePart part)
    {
        var name = FileName(audience, part);
        var file = OverrideFile(policy, name);
        return file is null ? Default(name) : ParsedTemplate.Parse(file, File.ReadAllText(file));
    }

    private string? OverrideFile(string policy, string name)
    {
        // A policy id is a folder name only when it cannot climb out of the overrides folder.
        if (_overrides is null || string.IsNullOrWhiteSpace(policy) || policy is "." or ".." || policy.IndexOfAny(['/', '\\', ':']) >= 0)
        {
            return null;
        }
        var file = Path.Combine(_overrides, policy, name);
        return File.Exists(file) ? file : null;
    }

    private ParsedTemplate Default(string name) =>
        _defaults.GetOrAdd(name, n => new Lazy<ParsedTemplate>(() => ParsedTemplate.Parse($"defaults/{n}", ReadDefault(n)))).Value;

    private static string ReadDefault(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The default template {name} is not embedded in {typeof(NoticeTemplateFiles).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
