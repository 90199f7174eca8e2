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

    /// <summary>The recipient <paramref name="name"/> names: a role by its policy name (<c>assignee</c>,
    /// <c>supportManagement</c>, as <see cref="ToString"/> writes it), otherwise an address.</summary>
    public static Recipient Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var role in Enum.GetValues<RecipientRole>())
        {
            if (string.Equals(NameOf(role), name, StringComparison.Ordinal))
            {
                return ForRole(role);
            }
        }
        return ForAddress(name);
    }

    /// <summary>The policy name of <paramref name="role"/>: <c>supportManagement</c>.</summary>
    public static string NameOf(RecipientRole role)
    {
        var text = role.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>The role's policy name or the address.</summary>
    public override string ToString() => Role is { } role ? NameOf(role) : Address!;
}
