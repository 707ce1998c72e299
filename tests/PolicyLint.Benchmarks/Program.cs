using BenchmarkDotNet.Running;
using PolicyLint.Benchmarks;

// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- graph-pull [objects] [latency-ms] [runs]
if (args is ["graph-pull", .. var rest])
{
    return await PolicyLint.Benchmarks.GraphPullMeasurement.RunAsync(rest);
}

// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- synthetic 2000 <folder>   (writes the synthetic tenant to lint by hand)
if (args is ["synthetic", var count, var folder])
{
    Directory.CreateDirectory(folder);
    foreach (var (name, bytes) in PolicyLint.Benchmarks.SyntheticTenant.Generate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)))
    {
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PolicyLint.Benchmarks.SyntheticTenant).Assembly).Run(args);
return 0;
