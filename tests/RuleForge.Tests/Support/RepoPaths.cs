namespace RuleForge.Tests.Support;

/// <summary>Paths inside the repository, found from the test binary, not the working folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    /// <summary>The folder that holds RuleForge.sln.</summary>
    public static string Root => RootValue.Value;

    /// <summary>The example policies, rules/*.yaml.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>The approved snapshot trees.</summary>
    public static string Snapshots => Path.Combine(Root, "snapshots");

    /// <summary>The failing-input golden cases.</summary>
    public static string FailingCases => Path.Combine(Root, "tests", "RuleForge.Tests", "Cases", "Failing");

    /// <summary>The built-in templates as source files.</summary>
    public static string Templates => Path.Combine(Root, "src", "RuleForge", "Templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RuleForge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no RuleForge.sln above {AppContext.BaseDirectory}");
    }
}
