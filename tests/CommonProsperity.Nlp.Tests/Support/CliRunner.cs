using CommonProsperity.Nlp.Cli;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>Runs cpnlp in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CpnlpApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
