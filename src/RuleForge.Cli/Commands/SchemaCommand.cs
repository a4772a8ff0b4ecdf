using System.CommandLine;
using RuleForge.Diagnostics;
using RuleForge.Schema;

namespace RuleForge.Cli.Commands;

/// <summary>
/// <c>ruleforge schema [--out FILE]</c>: the JSON Schema of a policy file, generated from the
/// shapes the validator reads, for editors (yaml-language-server) and for regenerating the
/// copy the repository ships.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(CliIo io)
    {
        var output = new Option<string?>("--out", "-o")
        {
            Description = $"Write the schema to this file (the repository's copy: {PolicySchema.RepositoryPath}) " +
                "instead of stdout.",
        };
        var command = new Command("schema", "Print the JSON Schema of the policy file, for editors.") { output };
        command.SetAction(result =>
        {
            var schema = PolicySchema.Generate();
            if (result.GetValue(output) is not { } path)
            {
                io.Out.Write(schema);
                return ExitCodes.Ok;
            }

            return Write(io, path, schema);
        });
        return command;
    }

    // Note: written next to the target and renamed over it, so a failed write leaves the old file.
    private static int Write(CliIo io, string path, string schema)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.tmp");
        try
        {
            File.WriteAllText(temporary, schema);
            File.Move(temporary, full, overwrite: true);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            io.Error.WriteLine(Messages.SchemaWrite.At(SourceLocation.OfFile(path), path, e.Message));
            return ExitCodes.Errors;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Note: nothing more to undo; the message above says what went wrong.
        }
    }
}
