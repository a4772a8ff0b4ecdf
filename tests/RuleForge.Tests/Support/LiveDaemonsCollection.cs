using Xunit;

namespace RuleForge.Tests.Support;

/// <summary>
/// Tests that start the real daemons run one class at a time: two live runs at once load the
/// machine enough to push postscreen's DNSBL answers past its greet wait.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveDaemonsCollection
{
    /// <summary>The collection's name for [Collection(...)].</summary>
    public const string Name = "live daemons";
}
