namespace RuleForge.Loading;

/// <summary>YamlDotNet failed on malformed input with an exception that is not a YamlException.</summary>
internal sealed class MalformedYamlException(Exception inner)
    : Exception("the YAML parser failed on malformed input", inner);
