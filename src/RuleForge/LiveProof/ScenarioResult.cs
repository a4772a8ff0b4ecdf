namespace RuleForge.LiveProof;

/// <summary>A scenario and how each target's observation compared with the prediction.</summary>
public sealed record ScenarioResult(PlannedScenario Planned, IReadOnlyList<TargetOutcome> Outcomes)
{
    /// <summary>True when every target agreed.</summary>
    public bool Agree => Outcomes.All(o => o.Agree);
}
