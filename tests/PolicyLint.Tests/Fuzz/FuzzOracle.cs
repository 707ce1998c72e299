using System.Text.Json;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Fuzz;

/// <summary>What happened to the mutated file in one run.</summary>
public enum FuzzOutcome
{
    Linted,
    ReadError,
    Skipped,
    Failed,
}

/// <summary>The verdict on one run: an outcome, and what was wrong when it failed (first line is the failure's kind).</summary>
public sealed record FuzzVerdict(FuzzOutcome Outcome, string? Failure, long AllocatedBytes, TimeSpan Elapsed);

/// <summary>
/// Runs <c>policylint lint . --format json --verbose</c> in-process on a folder, through the CLI entry point, and
/// checks what the fuzz test promises: exit 0, 1 or 2 (never 3); no internal error or stack trace; every PL0001 names
/// a file of the folder and, unless it is about the whole file, a position in it; every file of the folder is linted,
/// skipped (listed with --verbose) or reported unreadable; no hang and no runaway allocation.
/// </summary>
public static class FuzzOracle
{
    private const string InternalReadErrorPrefix = "internal error: PolicyLint's";

    /// <summary>Read errors about a file as a whole, which rightly carry no line or byte position.</summary>
    private static readonly string[] WholeFileMessages =
    [
        "the file is empty",
        "a binary file that is not a Registry.pol",
        "the XML has no root element",
        "cannot read the file",
    ];

    public static FuzzVerdict Run(string folder, IReadOnlyList<string> files, string target)
    {
        int exit = -1;
        TestConsole? console = null;
        Exception? crash = null;
        long allocated = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                (exit, console) = TestConsole.Run(folder, "lint", ".", "--format", "json", "--verbose");
            }
            catch (Exception ex)
            {
                crash = ex;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        })
        {
            IsBackground = true,
            Name = "fuzz mutant",
        };
        worker.Start();
        if (!worker.Join(FuzzSettings.MutantTimeout))
        {
            return new FuzzVerdict(FuzzOutcome.Failed, $"hang: no result after {FuzzSettings.MutantTimeout.TotalSeconds:0} s", 0, started.Elapsed);
        }

        var elapsed = started.Elapsed;
        var outcome = FuzzOutcome.Failed;
        var failure = crash is not null
            ? $"exception escaped PolicyLintCli.Run: {crash.GetType().Name}\n{crash}"
            : Check(folder, exit, console!, files, target, allocated, out outcome);
        return new FuzzVerdict(failure is null ? outcome : FuzzOutcome.Failed, failure, allocated, elapsed);
    }

    private static string? Check(string folder, int exit, TestConsole console, IReadOnlyList<string> files, string target, long allocated, out FuzzOutcome outcome)
    {
        outcome = FuzzOutcome.Failed;
        var all = console.StdOut + console.StdErr;
        if (exit == 3 || console.StdErr.Contains("internal error", StringComparison.Ordinal))
        {
            return $"internal error (exit {exit}): {FirstLine(console.StdErr, "internal error")}\n{console.StdErr}";
        }

        if (exit is not (0 or 1 or 2))
        {
            return $"unexpected exit code {exit}\n{console.StdErr}";
        }

        if (all.Contains("   at ", StringComparison.Ordinal))
        {
            return $"stack trace in the output\n{all}";
        }

        if (allocated > FuzzSettings.MaxAllocatedBytes)
        {
            return $"runaway memory: {allocated / (1024 * 1024)} MiB allocated by one run";
        }

        JsonDocument report;
        try
        {
            report = JsonDocument.Parse(console.StdOut);
        }
        catch (JsonException ex)
        {
            return $"the JSON report does not parse: {ex.Message}\n{console.StdOut}";
        }

        using (report)
        {
            var fileSet = files.ToHashSet(StringComparer.Ordinal);
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            var readErrors = 0;
            foreach (var finding in report.RootElement.GetProperty("findings").EnumerateArray())
            {
                var ruleId = finding.GetProperty("ruleId").GetString();
                var message = finding.GetProperty("message").GetString() ?? string.Empty;
                var location = finding.GetProperty("location");
                var file = location.GetProperty("file").GetString() ?? string.Empty;
                if (!fileSet.Contains(file))
                {
                    return $"{ruleId} names a file that is not an input: '{file}' ({message})";
                }

                if (ruleId != "PL0001")
                {
                    continue;
                }

                if (message.StartsWith(InternalReadErrorPrefix, StringComparison.Ordinal))
                {
                    return $"internal read error: {Shorten(message)}\n{message}";
                }

                var positioned = location.TryGetProperty("line", out _) || location.TryGetProperty("byteOffset", out _);
                if (!positioned && !WholeFileMessages.Any(m => message.StartsWith(m, StringComparison.Ordinal)))
                {
                    return $"PL0001 without a position: {Shorten(message)}\n{file}: {message}";
                }

                unreadable.Add(file);
                readErrors++;
            }

            var skipped = SkippedFiles(console.StdErr);
            var summary = report.RootElement.GetProperty("summary");
            var linted = summary.GetProperty("filesLinted").GetInt32();
            // A read error can sit in a companion (a backup's registry.pol, read through its gpreport.xml): the file
            // that was being read then has no finding of its own. Such errors are those on skipped files and any
            // beyond one per file, so each of them may account for one file.
            // A Backup-GPO folder is read as one unit (its gpreport.xml with the registry.pol files and metadata), so its
            // files count once, as the unit's report.
            string UnitOf(string file) => BackupUnitOf(folder, file) ?? file;
            var accounted = skipped.Concat(unreadable).Select(UnitOf).ToHashSet(StringComparer.Ordinal);
            var neither = files.Select(UnitOf).Distinct().Where(u => !accounted.Contains(u)).ToList();
            var companionErrors = unreadable.Count(skipped.Contains) + (readErrors - unreadable.Count);
            if (neither.Count > linted + companionErrors)
            {
                return $"file not accounted for: {neither.Count} file(s) neither skipped nor unreadable, but {linted} linted: {string.Join(", ", neither)}";
            }

            if (summary.GetProperty("filesSkipped").GetInt32() != skipped.Count)
            {
                return $"skip count {summary.GetProperty("filesSkipped").GetInt32()} differs from the {skipped.Count} files --verbose lists";
            }

            outcome = unreadable.Contains(target) ? FuzzOutcome.ReadError : skipped.Contains(target) ? FuzzOutcome.Skipped : FuzzOutcome.Linted;
            return null;
        }
    }

    /// <summary>Files --verbose lists as "path: skipped: reason".</summary>
    private static HashSet<string> SkippedFiles(string stderr)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in stderr.Split('\n'))
        {
            var at = line.IndexOf(": skipped: ", StringComparison.Ordinal);
            if (at > 0)
            {
                skipped.Add(line[..at]);
            }
        }

        return skipped;
    }

    private static string FirstLine(string text, string containing) =>
        text.Split('\n').FirstOrDefault(l => l.Contains(containing, StringComparison.Ordinal))?.Trim() ?? string.Empty;

    /// <summary>The message without the parts that vary between mutants (numbers, quoted values), to group failures.</summary>
    private static string Shorten(string message)
    {
        var shortened = System.Text.RegularExpressions.Regex.Replace(message, @"'[^']*'|\d+", "…");
        return shortened.Length > 160 ? shortened[..160] : shortened;
    }

    /// <summary>The gpreport.xml of the Backup-GPO folder holding <paramref name="file"/>, when it is in one that has a report.</summary>
    private static string? BackupUnitOf(string folder, string file)
    {
        for (var dir = Path.GetDirectoryName(file); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var full = Path.Combine(folder, dir);
            if (Directory.Exists(Path.Combine(full, "DomainSysvol")) && File.Exists(Path.Combine(full, "gpreport.xml")))
            {
                return Path.Combine(dir, "gpreport.xml").Replace('\\', '/');
            }
        }

        return Directory.Exists(Path.Combine(folder, "DomainSysvol")) && File.Exists(Path.Combine(folder, "gpreport.xml")) ? "gpreport.xml" : null;
    }
}
