using System.Text;
using Xunit;

namespace SlaFunctions.Webhooks.Tests;

/// <summary>The tests' own payloads under <c>Fixtures/&lt;source&gt;/</c>: modelled on captured deliveries (field names,
/// nesting, offsets and quirks kept), with our own ids, names and times.</summary>
internal static class Fixture
{
    /// <summary>The exact bytes of <c>Fixtures/<paramref name="path"/></c>, e.g. <c>jira/issue_created.json</c>.</summary>
    public static byte[] Bytes(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    /// <summary>The fixture with <paramref name="from"/> replaced by <paramref name="to"/>: one variant of a real shape.
    /// Fails the test when <paramref name="from"/> is not there, since the edit would then prove nothing.</summary>
    public static byte[] Edited(string path, string from, string to)
    {
        var text = Encoding.UTF8.GetString(Bytes(path));
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }
}
