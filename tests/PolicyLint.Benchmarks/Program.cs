using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(PolicyLint.Benchmarks.SyntheticTenant).Assembly).Run(args);
