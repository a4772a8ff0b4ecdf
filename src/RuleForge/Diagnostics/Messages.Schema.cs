namespace RuleForge.Diagnostics;

/// <summary>Message texts of the policy JSON Schema command (RF1910-RF1919).</summary>
public static partial class Messages
{
    public static readonly MessageTemplate SchemaWrite = new(
        "RF1910", E,
        "cannot write the schema to '{0}': {1}",
        "Check that the folder exists and is writable; the file, if any, is unchanged.");
}
