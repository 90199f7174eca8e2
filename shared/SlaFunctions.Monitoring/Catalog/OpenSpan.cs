namespace SlaFunctions.Monitoring.Catalog;

/// <summary>An open interval <c>[From, To)</c>, UTC.</summary>
public sealed record OpenSpan(string From, string To);
