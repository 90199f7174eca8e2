using System.Globalization;
using DotLiquid;

namespace SlaFunctions.Notices.Templates;

/// <summary>One template file, parsed once, with the name errors use.</summary>
internal sealed class ParsedTemplate
{
    private readonly Template _template;

    private ParsedTemplate(string name, Template template)
    {
        Name = name;
        _template = template;
    }

    /// <summary>The file the template came from (a path, or <c>defaults/&lt;file&gt;</c> for an embedded one).</summary>
    public string Name { get; }

    /// <exception cref="NoticeTemplateException">The source is not a template DotLiquid can parse.</exception>
    public static ParsedTemplate Parse(string name, string source)
    {
        try
        {
            return new ParsedTemplate(name, Template.Parse(source));
        }
        catch (Exception ex) when (ex is DotLiquid.Exceptions.LiquidException or ArgumentException or FormatException)
        {
            throw new NoticeTemplateException($"{name}: {ex.Message}", ex);
        }
    }

    /// <exception cref="NoticeTemplateException">The template failed while rendering (an unknown filter, a bad
    /// argument).</exception>
    public string Render(Hash model)
    {
        var parameters = new RenderParameters(CultureInfo.InvariantCulture)
        {
            LocalVariables = model,
            ErrorsOutputMode = ErrorsOutputMode.Rethrow,
        };
        try
        {
            // A DotLiquid template keeps per-render state (registers, errors) on the instance.
            lock (_template)
            {
                return _template.Render(parameters);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new NoticeTemplateException($"{Name}: {ex.Message}", ex);
        }
    }
}
