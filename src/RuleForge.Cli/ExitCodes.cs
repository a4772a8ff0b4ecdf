namespace RuleForge.Cli;

/// <summary>Process exit codes, as the README documents them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Errors = 1;
    public const int Usage = 2;
    public const int Internal = 3;
}
