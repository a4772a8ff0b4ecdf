using System.CommandLine;

namespace RuleForge.Cli.Commands;

/// <summary><c>ruleforge verify DIR</c>: lint a built tree with the real daemons.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliIo io)
    {
        var dir = new Argument<string>("dir") { Description = "A folder written by 'ruleforge build'." };
        var command = new Command("verify", "Lint a built tree with the real Rspamd, SpamAssassin and Postfix, in a loopback-only sandbox.")
        {
            dir, CommonOptions.Quiet(), CommonOptions.Verbose(),
        };
        command.SetAction(result =>
        {
            io.Error.WriteLine("verify: not available yet");
            return ExitCodes.Errors;
        });
        return command;
    }
}
