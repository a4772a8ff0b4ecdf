using System.Reflection;

namespace RuleForge.Rendering;

/// <summary>
/// Finds templates by name (e.g. "postfix/main.cf.sbn"): in an override folder when one is
/// given and holds the file, otherwise in the library's embedded copies.
/// </summary>
public sealed class TemplateSource(string? overrideFolder)
{
    private static readonly Assembly Library = typeof(TemplateSource).Assembly;

    /// <summary>The folder that overrides the built-in templates, if any.</summary>
    public string? OverrideFolder { get; } = overrideFolder;

    /// <summary>The template text, and a display name for error messages.</summary>
    public (string Text, string DisplayName) Read(string name)
    {
        if (OverrideFolder is not null)
        {
            var path = Path.Combine(OverrideFolder, name);
            if (File.Exists(path))
            {
                return (File.ReadAllText(path), path);
            }
        }

        var resource = "RuleForge.Templates." + name;
        using var stream = Library.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"built-in template {name} is missing");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal), $"built-in {name}");
    }
}
