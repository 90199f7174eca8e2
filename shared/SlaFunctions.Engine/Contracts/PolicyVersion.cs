using NodaTime;

namespace SlaFunctions.Engine.Contracts;

/// <summary>A later version of a contract: the policy in force from <paramref name="EffectiveFrom"/> on.</summary>
/// <param name="EffectiveFrom">The first instant it is in force (its date's start in the contract's time zone).</param>
/// <param name="MovesOpenCases">True when cases still open at <paramref name="EffectiveFrom"/> move to it from then on
/// (<c>appliesTo: openCases</c>); false when only cases opened from then on get it (<c>newCases</c>).</param>
/// <param name="Policy">The policy of this version.</param>
public sealed record PolicyVersion(Instant EffectiveFrom, bool MovesOpenCases, Policy Policy);
