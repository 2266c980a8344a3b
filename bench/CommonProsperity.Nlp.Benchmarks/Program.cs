using System.Globalization;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CommonProsperity.Nlp.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/CommonProsperity.Nlp.Benchmarks -- stages DIR [FILES] [PASSES]   (StageCpu: CPU per stage on one thread)
if (args is ["stages", var folder, .. var rest])
{
    CommonProsperity.Nlp.Benchmarks.StageCpu.Run(folder, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 300, rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 8);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CommonProsperity.Nlp.Benchmarks.HotPathBenchmarks).Assembly).Run(args);
