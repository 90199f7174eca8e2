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
    public static byte[] Edited(string path, string from, string to) => Edited(path, (from, to));

    /// <summary>The fixture with each edit applied in turn; fails the test when one does not hit.</summary>
    public static byte[] Edited(string path, params (string From, string To)[] edits)
    {
        var text = Encoding.UTF8.GetString(Bytes(path));
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return Encoding.UTF8.GetBytes(text);
    }
}
