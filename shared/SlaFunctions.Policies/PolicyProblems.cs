namespace SlaFunctions.Policies;

/// <summary>Every problem found in a policy document; rules add to it and none stops at the first.</summary>
public sealed class PolicyProblems
{
    private readonly List<PolicyProblem> _items = [];

    /// <summary>The problems in the order found.</summary>
    public IReadOnlyList<PolicyProblem> Items => _items;

    /// <summary>True when nothing was found.</summary>
    public bool IsEmpty => _items.Count == 0;

    /// <summary>Records a problem at <paramref name="path"/>.</summary>
    public void Add(string path, string message) => _items.Add(new PolicyProblem(path, message));
}
