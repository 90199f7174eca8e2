using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SlaFunctions.Benchmarks.CalendarBenchmarks).Assembly).Run(args);
