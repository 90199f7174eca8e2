namespace SlaFunctions.Commands;

/// <summary>The executable's commands besides serving: <c>preview</c>, <c>policy validate</c>, <c>policy test</c>, <c>policy what-if</c> and <c>connection check</c>.</summary>
public static class CommandLine
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the input (a policy, a flag, an event file) is bad.</summary>
    public const int BadInput = 1;

    /// <summary>Exit code when the command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Exit code when storage cannot be reached.</summary>
    public const int Unavailable = 3;

    /// <summary>True when <paramref name="args"/> name a command rather than server settings.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "preview" or "policy" or "connection" or "help" or "--help";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        switch (args)
        {
            case ["preview", .. var rest]:
                return await PreviewCommand.RunAsync(rest, output, error);
            case ["policy", "validate", .. var files]:
                return await ValidateCommand.RunAsync(files, output, error);
            case ["policy", "test", .. var examples]:
                return await PolicyTestCommand.RunAsync(examples, output, error);
            case ["policy", "what-if", .. var flags]:
                return await WhatIfCommand.RunAsync(ServerSettings(), flags, output, error);
            case ["connection", "check", var name]:
                return await ConnectionCheckCommand.RunAsync(ServerSettings(), name, output, error);
            case ["help" or "--help", ..]:
                await output.WriteLineAsync(UsageText);
                return Ok;
            default:
                await error.WriteLineAsync(UsageText);
                return Usage;
        }
    }

    // The server's own settings sources (appsettings.json, environment variables), without serving.
    private static ConfigurationManager ServerSettings() => WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] }).Configuration;

    /// <summary>How to call the commands.</summary>
    public const string UsageText = """
        Usage:
          SlaFunctions [--urls http://127.0.0.1:7071]            serve the API
          SlaFunctions preview --policy FILE --severity ID --opened INSTANT [--as-of INSTANT] [--events FILE] [--channel NAME]
          SlaFunctions policy validate FILE_OR_FOLDER...
          SlaFunctions policy test [FILE_OR_FOLDER...]            run the worked examples (default policies/examples)
          SlaFunctions policy what-if --policy FILE [--from INSTANT] [--to INSTANT] [--json]
                                                                  replay a period's stored cases under a draft policy
          SlaFunctions connection check NAME                      a connection's settings (secrets masked), problems, last deliveries
        Instants are ISO-8601 with an offset, e.g. 2026-03-06T14:00:00Z. The events file is a JSON list of
        { "at": ..., "type": "agentReply" | "customerReply" | "status" | "severity" | "workaround" | "eta", ... }.
        """;
}
