using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CommonProsperity.Nlp.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CommonProsperity.Nlp.Benchmarks.HotPathBenchmarks).Assembly).Run(args);
