using System.CommandLine;
using RuleForge.Net;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge ranges merge [FILE|-]... [--bare-hosts]</c>: the minimal CIDR cover of lists of
/// addresses and networks, canonical and sorted, IPv4 first. Exit 0 when every line was read,
/// 1 with a diagnostic per bad line and nothing on stdout, 2 for usage.
/// </summary>
internal static class RangesCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("ranges", "Work with lists of addresses and networks.");
        command.Subcommands.Add(Merge(io));
        return command;
    }

    private static Command Merge(CliIo io)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Files with one address or network a line; '-' or none reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var bareHosts = new Option<bool>("--bare-hosts")
        {
            Description = "Print a /32 or /128 as the bare address, as iprange does.",
        };
        var quiet = CommonOptions.Quiet();
        var command = new Command(
            "merge",
            "Print the minimal CIDR cover of the addresses and networks read, one a line, IPv4 first. " +
            "Host bits are cleared (10.1.2.3/8 is 10.0.0.0/8); blank lines and '#' comments are skipped.")
        {
            files, bareHosts, quiet,
        };
        command.SetAction(result =>
        {
            var names = result.GetValue(files) is { Length: > 0 } given ? given : ["-"];
            return Run(names, result.GetValue(bareHosts), result.GetValue(quiet), io);
        });
        return command;
    }

    private static int Run(string[] names, bool bareHosts, bool quiet, CliIo io)
    {
        var builder = new AddressSetBuilder(1 << 12);
        var reader = new RangeListReader(builder);
        foreach (var name in names)
        {
            if (name == "-")
            {
                reader.Read(io.OpenInput(), "<stdin>");
                continue;
            }

            var shown = CommonOptions.DisplayPath(name);
            try
            {
                using var stream = new FileStream(
                    name, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                reader.Read(stream, shown);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reader.ReportUnreadable(shown, e switch
                {
                    FileNotFoundException => "no such file",
                    DirectoryNotFoundException => "no such folder",
                    UnauthorizedAccessException => "permission denied",
                    _ => e.Message,
                });
            }
        }

        reader.Finish();
        if (reader.Errors > 0)
        {
            DiagnosticPrinter.Print(reader.Diagnostics, io.Error, quiet);
            return ExitCodes.Errors;
        }

        var set = builder.ToSet();
        if (io.RawOut is { } raw)
        {
            io.Out.Flush();
            RangeListWriter.Write(set, raw, bareHosts);
        }
        else
        {
            using var text = io.Out.AsStream();
            RangeListWriter.Write(set, text, bareHosts);
        }

        return ExitCodes.Ok;
    }
}
