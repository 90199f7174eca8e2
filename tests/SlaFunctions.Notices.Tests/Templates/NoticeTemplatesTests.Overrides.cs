using SlaFunctions.Notices.Templates;

namespace SlaFunctions.Notices.Tests.Templates;

public sealed partial class NoticeTemplatesTests
{
    [Fact]
    public void Render_PolicyOverridesOnePart_OnlyThatPartChanges()
    {
        using var folder = new TemplateFolder();
        folder.Write("lumenvox/customer.subject.liquid", "LumenVox support: {{ notice.headline }} ({{ case.id }})");

        var email = new NoticeTemplates(folder.Path).Render(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork);
        var defaults = Defaults.Render(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork);

        Assert.Equal("LumenVox support: First response due in 15 min (48213)", email.Subject);
        Assert.Equal(defaults.Html, email.Html);
        Assert.Equal(defaults.Text, email.Text);
    }

    [Fact]
    public void Render_OverrideForAnotherPolicyOrAudience_DefaultsApply()
    {
        using var folder = new TemplateFolder();
        folder.Write("acme/customer.subject.liquid", "ACME: {{ notice.headline }}");
        folder.Write("lumenvox/internal.subject.liquid", "TEAM: {{ notice.headline }}");
        var templates = new NoticeTemplates(folder.Path);

        var customer = templates.Render(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork);
        var team = templates.Render(ExampleNotices.Warning, Audience.Internal, ExampleNotices.NewYork);

        Assert.Equal(Defaults.Render(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork).Subject, customer.Subject);
        Assert.Equal("TEAM: First response due in 15 min", team.Subject);
    }

    [Fact]
    public void Render_CustomerOverrideAsksForInternalData_GetsNothing()
    {
        using var folder = new TemplateFolder();
        folder.Write("lumenvox/customer.text.liquid", "[{{ internal.assignee }}][{{ internal.rule }}][{{ internal.notified | join: ',' }}]");

        var email = new NoticeTemplates(folder.Path).Render(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork);

        Assert.Equal("[][][]\n", email.Text);
    }

    [Fact]
    public void Render_BrokenOverride_ErrorNamesTheFile()
    {
        using var folder = new TemplateFolder();
        var file = folder.Write("lumenvox/internal.html.liquid", "<p>{% if target %}never closed</p>");
        var templates = new NoticeTemplates(folder.Path);

        var error = Assert.Throws<NoticeTemplateException>(() => templates.Render(ExampleNotices.Warning, Audience.Internal, ExampleNotices.NewYork));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("if", error.Message, StringComparison.Ordinal);
        Assert.Contains(file, Assert.Single(templates.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverrideFailsWhileRendering_ErrorNamesTheFile()
    {
        using var folder = new TemplateFolder();
        var file = folder.Write("lumenvox/customer.text.liquid", "{% include 'footer' %}"); // templates cannot read other files

        var error = Assert.Throws<NoticeTemplateException>(() => new NoticeTemplates(folder.Path).Render(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork));

        Assert.StartsWith(file + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyThreadsAtOnce_SameOutput()
    {
        var templates = new NoticeTemplates();
        var expected = templates.Render(ExampleNotices.Escalation, Audience.Internal, ExampleNotices.NewYork);

        var rendered = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => templates.Render(i % 2 == 0 ? ExampleNotices.Escalation : ExampleNotices.Warning, Audience.Internal, ExampleNotices.NewYork))
            .ToList();

        Assert.Equal(32, rendered.Count(r => r == expected));
    }

    [Fact]
    public void Problems_MisnamedFile_IsReported()
    {
        using var folder = new TemplateFolder();
        var file = folder.Write("lumenvox/customer.htm.liquid", "<p>hello</p>");

        var problem = Assert.Single(new NoticeTemplates(folder.Path).Problems());

        Assert.StartsWith(file, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_DefaultsOnly_None()
    {
        Assert.Empty(new NoticeTemplates(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"))).Problems());
    }

    [Theory]
    [InlineData("..")] // would climb out of the overrides folder
    [InlineData("../lumenvox")] // a path, not a folder name
    public void Render_PolicyIdIsAPath_DefaultsApply(string policy)
    {
        using var folder = new TemplateFolder();
        folder.Write("customer.subject.liquid", "climbed out");
        folder.Write("lumenvox/customer.subject.liquid", "climbed out");
        var notice = ExampleNotices.Warning with { Case = ExampleNotices.Case with { Policy = policy } };

        var email = new NoticeTemplates(Path.Combine(folder.Path, "sub")).Render(notice, Audience.Customer, ExampleNotices.NewYork);

        Assert.StartsWith("WARNING:", email.Subject);
    }
}
