using BenchmarkDotNet.Running;
using PolicyLint.Benchmarks;

// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- synthetic 2000 <folder>   (writes the synthetic tenant to lint by hand)
if (args is ["synthetic", var count, var folder])
{
    Directory.CreateDirectory(folder);
    foreach (var (name, bytes) in SyntheticTenant.Generate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)))
    {
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SyntheticTenant).Assembly).Run(args);
