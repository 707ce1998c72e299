using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicyLint.Graph;
using PolicyLint.Tests.Graph;

namespace PolicyLint.Benchmarks;

/// <summary>
/// A measured run rather than a BenchmarkDotNet benchmark: one pull takes seconds (2,000 objects, 50 ms added to
/// every Graph answer), so a few runs say more than BenchmarkDotNet's dozens. The real <c>policylint pull</c> runs as
/// its own process against the loopback Graph the tests use; its peak memory is the kernel's high-water mark of the
/// resident set (VmHWM), read while it runs, so the Graph server in this process is not counted.
/// <code>dotnet run -c Release --project tests/PolicyLint.Benchmarks -- graph-pull [objects] [latency-ms] [runs]</code>
/// </summary>
public static class GraphPullMeasurement
{
    private const string Token = "measurement-token";

    public static async Task<int> RunAsync(string[] args)
    {
        var objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var cli = Path.Combine(AppContext.BaseDirectory, "policylint.dll");
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Large(objects, pageSize: 100), Token);
        graph.Latency = latency;
        Console.WriteLine($"pull of {objects:N0} Settings Catalog policies, {latency.TotalMilliseconds:0} ms added per Graph request, page size 100, {new PullOptions { Tenant = "x" }.MaxParallelRequests} requests in flight");
        Console.WriteLine("run | wall time | Graph requests | export | peak resident set (VmHWM)");
        for (var run = 1; run <= runs; run++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "policylint-pull-measure-" + Guid.NewGuid().ToString("N"));
            var requestsBefore = graph.Log.Count;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { cli, "pull", "--tenant", "contoso.onmicrosoft.com", "--out", folder, "--auth", "token", "--graph-url", graph.BaseUrl })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment[GraphSignIn.TokenVariable] = Token;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            long peak = 0;
            while (!process.HasExited)
            {
                peak = Math.Max(peak, HighWaterMark(process.Id));
                await Task.Delay(20);
            }

            await process.WaitForExitAsync();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(await output + await error);
                return process.ExitCode;
            }

            var bytes = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"{run} | {clock.Elapsed.TotalSeconds:0.00} s | {graph.Log.Count - requestsBefore:N0} | {bytes / 1048576.0:0.0} MB | {peak / 1048576.0:0} MB");
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>The process's peak resident set so far, from /proc (Linux); 0 elsewhere.</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status", Encoding.ASCII))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
