namespace SlaFunctions.Engine.Escalations;

/// <summary>Who a notice goes to: a role resolved per case, or a literal address.</summary>
public sealed record Recipient
{
    private Recipient(RecipientRole? role, string? address)
    {
        Role = role;
        Address = address;
    }

    /// <summary>The role, or null for a literal address.</summary>
    public RecipientRole? Role { get; }

    /// <summary>The literal email address, or null for a role.</summary>
    public string? Address { get; }

    /// <summary>A role such as the case's assignee.</summary>
    public static Recipient ForRole(RecipientRole role) => new(role, null);

    /// <summary>A fixed email address.</summary>
    public static Recipient ForAddress(string address) => new(null, address);

    /// <summary>The role's policy name or the address.</summary>
    public override string ToString() => Role is { } role ? char.ToLowerInvariant(role.ToString()[0]) + role.ToString()[1..] : Address!;
}
