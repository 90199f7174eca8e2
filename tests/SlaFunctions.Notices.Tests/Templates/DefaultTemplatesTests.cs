using System.Text.RegularExpressions;
using SlaFunctions.Notices.Templates;

namespace SlaFunctions.Notices.Tests.Templates;

/// <summary>Under Native AOT DotLiquid finds filters by reflection, which trimming can break: the defaults use
/// none, and the library keeps the standard filters for override templates.</summary>
public sealed partial class DefaultTemplatesTests
{
    private static readonly System.Reflection.Assembly Notices = typeof(NoticeTemplates).Assembly;

    [Fact]
    public void Defaults_AllSixEmbedded_UseNoFilters()
    {
        var names = Notices.GetManifestResourceNames().Where(n => n.EndsWith(".liquid", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(6, names.Count);
        foreach (var name in names)
        {
            using var reader = new StreamReader(Notices.GetManifestResourceStream(name)!);
            var source = reader.ReadToEnd();
            Assert.DoesNotMatch(Filter(), source);
        }
    }

    [Fact]
    public void Assembly_KeepsDotLiquidStandardFiltersWhenTrimmed()
    {
        using var reader = new StreamReader(Notices.GetManifestResourceStream("ILLink.Descriptors.xml")!);

        Assert.Contains("<type fullname=\"DotLiquid.StandardFilters\" preserve=\"all\" />", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\{[^}]*\|")]
    private static partial Regex Filter();
}
