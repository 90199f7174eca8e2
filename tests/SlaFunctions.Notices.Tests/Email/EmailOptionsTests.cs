using NodaTime.Testing;
using SlaFunctions.Notices.Email;

namespace SlaFunctions.Notices.Tests.Email;

public sealed class EmailOptionsTests
{
    private static EmailOptions Valid => new() { From = "sla@support.example.com" };

    [Fact]
    public void Problems_Defaults_OnlyFromMissing()
    {
        Assert.Equal("Email:From must be set to the sender's address, such as sla@support.example.com.", Assert.Single(new EmailOptions().Problems()));
        Assert.Empty(Valid.Problems());
    }

    [Theory]
    [InlineData("sendgrid", "Email:Transport")] // not a transport we have
    [InlineData("", "Email:Transport")]
    public void Problems_UnknownTransport_NamesKey(string transport, string key)
    {
        var options = Valid;
        options.Transport = transport;

        Assert.StartsWith(key, Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_FromNotAnAddress_NamesKey()
    {
        var options = Valid;
        options.From = "SLA Monitor";

        Assert.StartsWith("Email:From 'SLA Monitor'", Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_SmtpAllWrong_ListsEveryKey()
    {
        var options = Valid;
        options.Transport = "SMTP";
        options.Smtp = new SmtpOptions { Host = " ", Port = 70000, Security = "tls", User = "relay", TimeoutSeconds = 0 };

        var problems = options.Problems();

        Assert.Collection(problems,
            p => Assert.StartsWith("Email:Smtp:Host", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Email:Smtp:Port 70000", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Email:Smtp:Security 'tls'", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Email:Smtp:User and Email:Smtp:Password", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Email:Smtp:TimeoutSeconds 0", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("starttls")] // names are case-insensitive
    [InlineData("None")]
    [InlineData("SslOnConnect")]
    public void Problems_SmtpSecurityName_Accepted(string security)
    {
        var options = Valid;
        options.Transport = "smtp";
        options.Smtp = new SmtpOptions { Host = "smtp.example.com", Security = security };

        Assert.Empty(options.Problems());
    }

    [Theory]
    [InlineData(null, null, "Email:Acs:Endpoint must be set")] // nothing to send to
    [InlineData("http://contoso.communication.azure.com", null, "Email:Acs:Endpoint 'http://")] // a key or token over plain http
    [InlineData("https://contoso.communication.azure.com", "endpoint=https://contoso.communication.azure.com/;accesskey=abc", "Email:Acs:AccessKey")] // the connection string, not the key
    public void Problems_AcsBad_NamesKey(string? endpoint, string? key, string expected)
    {
        var options = Valid;
        options.Transport = "acs";
        options.Acs = new AcsEmailOptions { Endpoint = endpoint is null ? null : new Uri(endpoint), AccessKey = key };

        Assert.StartsWith(expected, Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_OtherTransportsSection_NotChecked()
    {
        var options = Valid;
        options.Smtp = new SmtpOptions { Port = 0 };

        Assert.Empty(options.Problems());
    }

    [Theory]
    [InlineData("pickup", typeof(PickupFolderSender))]
    [InlineData("smtp", typeof(SmtpSender))]
    [InlineData("acs", typeof(AcsEmailSender))] // no key: the managed identity
    public void Create_Transport_BuildsIt(string transport, Type expected)
    {
        var options = Valid;
        options.Transport = transport;
        options.Smtp.Host = "smtp.example.com";
        options.Acs.Endpoint = new Uri("https://contoso.communication.azure.com");
        using var http = new HttpClient();

        Assert.IsType(expected, EmailTransportFactory.Create(options, Path.GetTempPath(), http, new FakeClock(default)));
    }

    [Fact]
    public void Create_PickupRelative_UnderContentRoot()
    {
        using var http = new HttpClient();
        var root = Path.Combine(Path.GetTempPath(), "content-root");

        var sender = Assert.IsType<PickupFolderSender>(EmailTransportFactory.Create(Valid, root, http, new FakeClock(default)));

        Assert.StartsWith(Path.Combine(root, ".mail", "outbox") + Path.DirectorySeparatorChar, sender.FileFor(ExampleEmails.To("a@x.example")), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadOptions_ListsProblems()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => EmailTransportFactory.Create(new EmailOptions { Transport = "fax" }, "/", http, new FakeClock(default)));

        Assert.Contains("Email:From", error.Message, StringComparison.Ordinal);
        Assert.Contains("Email:Transport 'fax'", error.Message, StringComparison.Ordinal);
    }
}
