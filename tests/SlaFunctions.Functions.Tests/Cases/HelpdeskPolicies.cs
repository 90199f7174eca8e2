using NodaTime;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>A fresh policies folder with LumenVox (the default connections' policy) and the helpdesk example (next reply
/// and team targets), and an app whose Zendesk connection <c>desk</c> it covers.</summary>
public sealed class HelpdeskPolicies : IDisposable
{
    public HelpdeskPolicies()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "policies", "lumenvox.yaml"), Path.Combine(Folder, "lumenvox.yaml"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "policies", "examples", "contracts", "helpdesk.yaml"), Path.Combine(Folder, "helpdesk.yaml"));
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("slafunctions-helpdesk-").FullName;

    /// <summary>The app at <paramref name="now"/> with these policies and the connection <c>desk</c> (zendesk, helpdesk).</summary>
    public CaseApi Api(Instant now) =>
        new CaseApi(now).With("Sla:PoliciesPath", Folder).WithConnection("desk", "zendesk", CaseApi.ZendeskSecret, "helpdesk");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
