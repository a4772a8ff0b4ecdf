using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Pipeline;
using RuleForge.Validation.Shapes;

namespace RuleForge.Validation;

/// <summary>
/// Turns a policy syntax tree into the typed <see cref="Policy"/> model, reporting every
/// problem in the file rather than stopping at the first.
/// </summary>
public static class PolicyBinder
{
    /// <summary>Loads and validates a policy file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">How the file is named in diagnostics and generated headers.</param>
    public static ValidationResult Validate(string path, string displayPath, PolicyDefaults defaults)
    {
        var loaded = YamlLoader.LoadFile(path, displayPath);
        if (loaded.Root is null)
        {
            return new ValidationResult(null, loaded.Diagnostics);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Bind(loaded.Root, displayPath, directory, loaded.Diagnostics, defaults);
    }

    /// <summary>Validates an already loaded syntax tree.</summary>
    public static ValidationResult Bind(
        SyntaxNode root, string displayPath, string policyDirectory, IReadOnlyList<Diagnostic> earlier,
        PolicyDefaults defaults)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(earlier);
        var values = new ValueReader(diagnostics);
        var top = MappingReader.Open(root, diagnostics, PolicyShape.Policy);
        if (top is null)
        {
            return new ValidationResult(null, diagnostics.Items);
        }

        var name = top.Required("policy") is { } n ? ReadId(values, n, "policy") : null;
        var description = top.Optional("description") is { } d ? values.Text(d, "description") : null;
        var targets = top.Required("targets") is { } t ? TargetBinder.Bind(t, values, defaults) : null;
        var margin = ReadMargin(top.Optional("proof"), values);
        var relays = ReadRelays(top.Optional("site"), values);
        var feeds = top.Optional("feeds") is { } f
            ? FeedBinder.Bind(f, values, policyDirectory)
            : [];
        var senders = top.Required("senders") is { } s && !TooManySenders(s, defaults.MaxSenders, diagnostics)
            ? SenderBinder.Bind(s, values, feeds)
            : [];
        var blocklists = top.Required("blocklists") is { } b
            ? BlocklistBinder.Bind(b, values)
            : [];

        if (targets?.SpamAssassin is { UsesWelcomelistNames: false } sa)
        {
            foreach (var sender in senders.Where(x => x.Authentication is { Dmarc: true }))
            {
                diagnostics.Report(Messages.NoDmarcInTarget, sender.Location, sender.Id, sa.Version);
            }
        }

        if (diagnostics.HasErrors || name is null || targets is null)
        {
            return new ValidationResult(null, diagnostics.Items);
        }

        var policy = new Policy(name, description, displayPath, targets, margin, feeds, senders,
            blocklists, relays, root.Location);
        return new ValidationResult(policy, diagnostics.Items);
    }

    // Note: counted before any sender is bound, so a policy far over the limit is refused in
    // about the time it takes to load, and its senders are not checked one by one.
    private static bool TooManySenders(SyntaxNode node, int max, DiagnosticBag diagnostics)
    {
        if (node is not SequenceSyntax { Items.Count: var count } || count <= max)
        {
            return false;
        }

        diagnostics.Report(Messages.TooManySenders, node.Location, count, max);
        return true;
    }

    internal static string? ReadId(ValueReader values, SyntaxNode node, string what)
    {
        var scalar = values.Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (!Identifiers.IsValid(scalar.Value))
        {
            values.Diagnostics.Report(Messages.InvalidId, scalar.Location, scalar.Value);
            return null;
        }

        return scalar.Value;
    }

    internal static string? ReadDomain(ValueReader values, SyntaxNode node, string what, bool zone)
    {
        var scalar = values.Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (DomainNames.TryNormalise(scalar.Value, zone, out var ascii, out var error))
        {
            return ascii;
        }

        var template = zone ? Messages.InvalidZone : Messages.InvalidDomain;
        values.Diagnostics.Report(template, scalar.Location, scalar.Value, error);
        return null;
    }

    internal static IpNetwork? ReadNetwork(ValueReader values, SyntaxNode node, string what)
    {
        var scalar = values.Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (!IpNetwork.TryParse(scalar.Value.Trim(), out var network, out var hostBits))
        {
            values.Diagnostics.Report(Messages.InvalidCidr, scalar.Location, scalar.Value);
            return null;
        }

        if (hostBits)
        {
            values.Diagnostics.Report(Messages.HostBitsSet, scalar.Location, scalar.Value, network);
            return null;
        }

        return network;
    }

    private static double ReadMargin(SyntaxNode? node, ValueReader values)
    {
        if (node is null)
        {
            return 0;
        }

        var proof = MappingReader.Open(node, values.Diagnostics, PolicyShape.Proof);
        if (proof?.Optional("margin") is not { } m)
        {
            return 0;
        }

        var margin = values.Number(m, "proof.margin");
        if (margin is < 0)
        {
            values.Diagnostics.Report(Messages.ScoreSign, m.Location, "proof.margin", margin.Value);
        }

        return margin ?? 0;
    }

    private static List<IpNetwork> ReadRelays(SyntaxNode? node, ValueReader values)
    {
        if (node is null)
        {
            return [];
        }

        var site = MappingReader.Open(node, values.Diagnostics, PolicyShape.Site);
        if (site?.Optional("relays") is not { } r)
        {
            return [];
        }

        return values.List(r, "site.relays")
            .Select(item => ReadNetwork(values, item, "a relay"))
            .OfType<IpNetwork>()
            .ToList();
    }
}
