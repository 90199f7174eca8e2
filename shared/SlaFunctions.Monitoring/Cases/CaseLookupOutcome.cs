namespace SlaFunctions.Monitoring.Cases;

/// <summary>The closed set of answers to looking a case up.</summary>
public enum CaseLookupOutcome
{
    /// <summary>The case, judged now.</summary>
    Found,

    /// <summary>The connection has no case with that id.</summary>
    NoSuchCase,

    /// <summary>The case's policy is not loaded, so it cannot be judged.</summary>
    PolicyNotLoaded,
}
