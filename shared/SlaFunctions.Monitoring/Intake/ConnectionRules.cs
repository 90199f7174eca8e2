using SlaFunctions.Webhooks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>The checks on a connection's mapping and authentication settings; each problem names its key and the fix.</summary>
internal static class ConnectionRules
{
    /// <summary>Every problem with <paramref name="connection"/>, configured at <paramref name="key"/>, under
    /// <paramref name="policy"/> (null when the policy is missing, which is reported elsewhere).</summary>
    public static IEnumerable<string> Problems(string key, ConnectionOptions connection, Policy? policy)
    {
        if (!ConnectionSchemes.All.Contains(connection.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{key}:Scheme '{connection.Scheme}' is not a scheme; use {string.Join(", ", ConnectionSchemes.All)}.";
        }
        if (connection.SecretHeader is { } header && (header.Trim().Length == 0 || !header.Trim().All(IsTokenCharacter)))
        {
            yield return $"{key}:SecretHeader '{header}' is not a header name; use letters, digits and '-', e.g. X-Sla-Secret.";
        }
        if (string.Equals(connection.Scheme, ConnectionSchemes.Basic, StringComparison.OrdinalIgnoreCase)
            && (string.IsNullOrWhiteSpace(connection.User) || connection.User.Contains(':', StringComparison.Ordinal)))
        {
            yield return $"{key}:User is needed for Scheme basic (the user name the tool sends, without ':').";
        }
        if (connection.TicketUrlTemplate is { } template && !LinkTemplate.IsUsable(template))
        {
            yield return $"{key}:TicketUrlTemplate '{template}' must be an absolute http(s) URL with {{id}} where the ticket id goes.";
        }
        foreach (var (priority, severity) in connection.Priorities)
        {
            if (policy is not null && !string.IsNullOrWhiteSpace(severity) && policy.FindSeverity(severity.Trim()) is null)
            {
                yield return $"{key}:Priorities:{priority} '{severity}' is no severity id or alias of policy '{policy.Id}'; "
                    + $"use one of {string.Join(", ", policy.Severities.Select(s => s.Id))}, or empty for none.";
            }
        }
        for (var i = 0; i < connection.SeverityLabelPrefixes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(connection.SeverityLabelPrefixes[i]))
            {
                yield return $"{key}:SeverityLabelPrefixes:{i} is empty; write a label prefix such as severity: or remove the entry.";
            }
        }
        if (connection.GroupLabelPrefix is { } prefix && string.IsNullOrWhiteSpace(prefix))
        {
            yield return $"{key}:GroupLabelPrefix is empty; write a label prefix such as team: or remove the setting.";
        }
        for (var i = 0; i < connection.GroupFields.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(connection.GroupFields[i]))
            {
                yield return $"{key}:GroupFields:{i} is empty; write a Jira field name such as Team or Assignment group, or remove the entry.";
            }
        }
        for (var i = 0; i < connection.AgentAccounts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(connection.AgentAccounts[i]))
            {
                yield return $"{key}:AgentAccounts:{i} is empty; write an account id, user name, email or login, or remove the entry.";
            }
        }
    }

    // RFC 9110 token characters, the ones a header name may use.
    private static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
