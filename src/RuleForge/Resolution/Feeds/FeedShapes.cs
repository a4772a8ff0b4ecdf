namespace RuleForge.Resolution.Feeds;

/// <summary>The names of the feed shapes, as written in a policy's <c>shape</c> or on the command line.</summary>
public static class FeedShapes
{
    /// <summary>Recognise the built-in shape from the content.</summary>
    public const string Auto = "auto";

    /// <summary>Rows described by the policy's <c>items</c> and <c>cidr_field</c>.</summary>
    public const string Generic = "generic";

    /// <summary>AWS ip-ranges.json.</summary>
    public const string Aws = "aws";

    /// <summary>Google goog.json and cloud.json.</summary>
    public const string Google = "google";

    /// <summary>Microsoft 365 endpoint sets.</summary>
    public const string M365 = "m365";

    /// <summary>Service name to CIDR list (GitHub meta, Fastly, Zscaler).</summary>
    public const string CidrLists = "github";

    /// <summary>Oracle Cloud regions with tagged CIDRs.</summary>
    public const string Oracle = "oracle";

    /// <summary>Items whose filter fields are arrays (Atlassian).</summary>
    public const string Atlassian = "atlassian";

    /// <summary>One CIDR per line.</summary>
    public const string Text = "text";

    /// <summary>Every shape name, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Auto, Generic, Aws, Google, M365, CidrLists, Oracle, Atlassian, Text];
}
