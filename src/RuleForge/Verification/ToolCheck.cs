namespace RuleForge.Verification;

/// <summary>Finds programs on PATH (and the sbin folders, which root's PATH may lack in CI).</summary>
public static class ToolCheck
{
    private static readonly string[] ExtraFolders = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    /// <summary>The full path of a program, or null when it is not installed.</summary>
    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(ExtraFolders))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
