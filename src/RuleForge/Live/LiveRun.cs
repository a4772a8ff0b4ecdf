namespace RuleForge.Live;

/// <summary>Everything a live run needs: the built tree, the DNS data and the scenarios.</summary>
public sealed record LiveRun(string Tree, IReadOnlyList<DomainRecords> Domains, IReadOnlyList<LiveScenario> Scenarios);
