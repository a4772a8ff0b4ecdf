using RuleForge.Explanation;
using RuleForge.Live;

namespace RuleForge.LiveProof;

/// <summary>A scenario to send, with the facts explain predicts from and a one-line description.</summary>
public sealed record PlannedScenario(LiveScenario Scenario, MessageFacts Facts, string Description);
