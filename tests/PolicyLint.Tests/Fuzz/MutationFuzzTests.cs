using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace PolicyLint.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing of every reader through the CLI: mutants of the samples, of reader-test fixtures and of the
/// real corpus (when ../shared is there) must each give findings, a located PL0001 or a counted skip, and never an
/// internal error, exit code 3, a hang or runaway memory. Mutant i of seed s is the same on every run, so a failure
/// replays with POLICYLINT_FUZZ_SEED=s POLICYLINT_FUZZ_ONLY=i; the test stops starting mutants when its time budget is
/// spent and says how many ran. If the test host itself dies (a stack overflow cannot be caught), the mutant it was
/// running is named in <c>$TMPDIR/policylint-fuzz/RUNNING-&lt;pid&gt;.txt</c>.
/// </summary>
public sealed class MutationFuzzTests : IClassFixture<FuzzReport>
{
    private const int MaxFailuresShown = 12;

    private readonly ITestOutputHelper _output;
    private readonly FuzzReport _report;

    public MutationFuzzTests(ITestOutputHelper output, FuzzReport report)
    {
        _output = output;
        _report = report;
    }

    [Fact]
    public void Mutants_of_every_input_form_give_findings_read_errors_or_skips_and_never_an_internal_error()
    {
        var settings = FuzzSettings.FromEnvironment();
        var cases = FuzzSeeds.All();
        var work = Path.Combine(Path.GetTempPath(), "policylint-fuzz");
        var run = Path.Combine(work, Guid.NewGuid().ToString("N"));
        var failures = new List<(string Kind, string Report)>();
        var outcomes = new Dictionary<(string Kind, FuzzOutcome Outcome), int>();
        var clock = Stopwatch.StartNew();
        var marker = Path.Combine(work, $"RUNNING-{Environment.ProcessId}.txt");
        var ran = 0;
        var slowest = (Elapsed: TimeSpan.Zero, Index: -1);
        long mostAllocated = 0;
        try
        {
            using var running = OpenRunningMarker(marker);

            // Each seed gets its own folder, written once; a mutant only rewrites the target file (file creation is the
            // slowest part of a run here). The unmutated seeds go first: they must pass the same checks, or the checks
            // themselves are wrong.
            var folders = new string[cases.Count];
            for (var i = 0; i < cases.Count; i++)
            {
                folders[i] = Path.Combine(run, i.ToString(CultureInfo.InvariantCulture));
                WriteCase(folders[i], cases[i], cases[i].TargetBytes);
                var verdict = RunCase(folders[i], cases[i], cases[i].TargetBytes);
                Assert.True(verdict.Failure is null, $"unmutated seed {cases[i].Name}: {verdict.Failure}");
            }

            var first = settings.Only ?? 0;
            var last = settings.Only ?? settings.MaxMutants - 1;
            for (var index = first; index <= last; index++)
            {
                if (settings.Only is null && clock.Elapsed > settings.Budget)
                {
                    break;
                }

                var slot = Schedule(cases, index);
                var fuzzCase = cases[slot];
                var folder = folders[slot];
                var mutant = Mutator.Mutate(fuzzCase.TargetBytes, fuzzCase.Encoding, fuzzCase.Kind, settings.RandomFor(index), out var mutation);
                var replay = $"seed {settings.Seed}, mutant {index} of {fuzzCase.Name} ({fuzzCase.TargetPath}): {mutation}";
                MarkRunning(running, replay);
                var verdict = RunCase(folder, fuzzCase, mutant);
                ran++;
                outcomes[(fuzzCase.Kind, verdict.Outcome)] = outcomes.GetValueOrDefault((fuzzCase.Kind, verdict.Outcome)) + 1;
                slowest = verdict.Elapsed > slowest.Elapsed ? (verdict.Elapsed, index) : slowest;
                mostAllocated = Math.Max(mostAllocated, verdict.AllocatedBytes);
                if (verdict.Failure is not null)
                {
                    var kind = verdict.Failure.Split('\n')[0];
                    var kept = Keep(work, settings.Seed, index, fuzzCase, mutant);
                    failures.Add((kind, $"{replay}\n  mutant kept in {kept}\n  replay: POLICYLINT_FUZZ_SEED={settings.Seed} POLICYLINT_FUZZ_ONLY={index} dotnet test --filter FullyQualifiedName~MutationFuzzTests\n  {verdict.Failure.Replace("\n", "\n  ", StringComparison.Ordinal)}"));
                    if (verdict.Failure.StartsWith("hang", StringComparison.Ordinal))
                    {
                        // The hung run still holds a thread; starting more would only pile up.
                        break;
                    }
                }
            }
        }
        finally
        {
            File.Delete(marker);
            DeleteFolder(run);
        }

        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"mutation fuzz: seed {settings.Seed}, {ran} mutants of {cases.Count} seed files in {clock.Elapsed.TotalSeconds:0.0} s (budget {settings.Budget.TotalSeconds:0} s, at most {settings.MaxMutants}), {failures.Count} failed; ");
        summary.Append(CultureInfo.InvariantCulture, $"slowest mutant {slowest.Index} took {slowest.Elapsed.TotalMilliseconds:0} ms, most allocated {mostAllocated / (1024 * 1024)} MiB\n");
        foreach (var group in outcomes.GroupBy(o => o.Key.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            summary.Append(CultureInfo.InvariantCulture, $"  {group.Key}: {string.Join(", ", group.OrderBy(o => o.Key.Outcome).Select(o => $"{o.Value} {o.Key.Outcome}"))}\n");
        }

        _output.WriteLine(summary.ToString());
        _report.Write(summary.ToString().TrimEnd());
        if (failures.Count > 0)
        {
            var shown = failures.GroupBy(f => f.Kind).Take(MaxFailuresShown)
                .Select(g => $"[{g.Count()}x] {g.Key}\n{g.First().Report}");
            Assert.Fail(summary + $"{failures.Count} mutant(s) failed, {failures.Select(f => f.Kind).Distinct().Count()} distinct:\n\n" + string.Join("\n\n", shown));
        }
    }

    /// <summary>
    /// Which seed mutant <paramref name="index"/> mutates: formats take turns (JSON, which has the most forms, twice in
    /// five), then seeds of that format take turns, so a budget cut still covers every reader evenly.
    /// </summary>
    private static int Schedule(IReadOnlyList<FuzzCase> cases, int index)
    {
        string[] turns = ["json", "yaml", "json", "xml", "pol"];
        var turn = index % turns.Length;
        var ofKind = Enumerable.Range(0, cases.Count).Where(i => cases[i].Kind == turns[turn]).ToList();
        var round = (index / turns.Length * turns.Count(t => t == turns[turn])) + turns[..turn].Count(t => t == turns[turn]);
        return ofKind.Count == 0 ? index % cases.Count : ofKind[round % ofKind.Count];
    }

    private static FuzzVerdict RunCase(string folder, FuzzCase fuzzCase, byte[] targetBytes)
    {
        File.WriteAllBytes(Path.Combine(folder, fuzzCase.TargetPath), targetBytes);
        return FuzzOracle.Run(folder, [.. fuzzCase.Files.Select(f => f.RelativePath)], fuzzCase.TargetPath);
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void WriteCase(string folder, FuzzCase fuzzCase, byte[] targetBytes)
    {
        for (var i = 0; i < fuzzCase.Files.Count; i++)
        {
            var (relative, bytes) = fuzzCase.Files[i];
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, i == fuzzCase.Target ? targetBytes : bytes);
        }
    }

    /// <summary>The file naming the running mutant, so a crash of the whole test host (a stack overflow) can be replayed.</summary>
    private static FileStream OpenRunningMarker(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    private static void MarkRunning(FileStream running, string replay)
    {
        // Rewritten in place and flushed to the OS (not to disk): it survives the process, which is what matters.
        var bytes = Encoding.UTF8.GetBytes(replay + "\n");
        running.SetLength(0);
        running.Write(bytes);
        running.Flush();
    }

    private static string Keep(string work, int seed, int index, FuzzCase fuzzCase, byte[] mutant)
    {
        var folder = Path.Combine(work, "failures", $"seed-{seed}-mutant-{index}");
        DeleteFolder(folder);
        WriteCase(folder, fuzzCase, mutant);
        return folder;
    }
}
