using System.Globalization;
using BenchmarkDotNet.Running;
using PolicyLint.Benchmarks;

// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- graph-pull [objects] [latency-ms] [runs]
if (args is ["graph-pull", .. var rest])
{
    return await PolicyLint.Benchmarks.GraphPullMeasurement.RunAsync(rest);
}

// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- generate <folder> <profiles> [seed]
//   writes the synthetic tenant (the same one the benchmarks use) for the CLI measurements in docs/performance.md.
if (args is ["generate", var folder, var profiles, ..])
{
    var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : SyntheticTenant.DefaultSeed;
    var (files, bytes) = SyntheticTenant.WriteTo(folder, int.Parse(profiles, CultureInfo.InvariantCulture), seed);
    Console.WriteLine($"{files} files, {bytes:N0} bytes ({bytes / 1e6:F1} MB) in {folder}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(SyntheticTenant).Assembly).Run(args);
return 0;
