using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- graph-pull [objects] [latency-ms] [runs]
if (args is ["graph-pull", .. var rest])
{
    return await PolicyLint.Benchmarks.GraphPullMeasurement.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(PolicyLint.Benchmarks.SyntheticTenant).Assembly).Run(args);
return 0;
