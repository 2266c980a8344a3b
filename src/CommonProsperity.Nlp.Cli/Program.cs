using CommonProsperity.Nlp.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return CpnlpApp.Run(args, cancellation.Token);
