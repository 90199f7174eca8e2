namespace SlaFunctions.Monitoring.Intake;

/// <summary>Whose case a delivery is about and which policy covers them, as a connection's settings read it.</summary>
/// <remarks>A new case takes <see cref="Customer"/> and <see cref="PolicyId"/> as they are. An open case changes
/// only what the delivery names (<see cref="NamesCustomer"/>, <see cref="NamesPolicy"/>): a delivery that says
/// nothing about the customer never moves a case back to the connection's defaults.</remarks>
public sealed record CustomerChoice
{
    /// <summary>The customer: the organisation the payload names, else the connection's <c>Customer</c>, else its name.</summary>
    public required string Customer { get; init; }

    /// <summary>The policy id: by <c>Policies</c> (customer), else by <c>Tiers</c> (tier), else the connection's <c>Policy</c>.</summary>
    public required string PolicyId { get; init; }

    /// <summary>True when the payload named an organisation, so <see cref="Customer"/> is the payload's.</summary>
    public bool NamesCustomer { get; init; }

    /// <summary>True when the payload decided the policy: its organisation is in <c>Policies</c>, it carried a tier,
    /// or it named an organisation on a connection that reads no tier.</summary>
    public bool NamesPolicy { get; init; }
}
