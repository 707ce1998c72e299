using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Input;
using PolicyLint.Intune;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Analysis;

/// <summary>The whole pipeline: collect files, read them, resolve the effective policy, run the rules.</summary>
public sealed class LintEngine
{
    /// <summary>Larger files are not policy exports; refusing them keeps memory bounded.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private readonly IReadOnlyList<IPolicyFileReader> _readers;
    private readonly AnalysisDriver _driver;

    public LintEngine(IReadOnlyList<IPolicyFileReader> readers, IReadOnlyList<PolicyAnalyzer> analyzers)
    {
        _readers = readers;
        _driver = new AnalysisDriver(analyzers);
    }

    /// <summary>Every file reader PolicyLint has, in the order they are tried.</summary>
    public static IReadOnlyList<IPolicyFileReader> DefaultReaders { get; } =
    [
        new IntuneJsonReader(IntuneJsonReader.DefaultObjectReaders),
    ];

    public IReadOnlyList<PolicyAnalyzer> Analyzers => _driver.Analyzers;

    /// <summary>Every descriptor the run can report: the engine's own and every analyzer's.</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors =>
        [InputDiagnostics.InputNotReadable, .. _driver.Analyzers.SelectMany(a => a.SupportedDiagnostics)];

    public LintResult Lint(IEnumerable<string> paths, string workingDirectory)
    {
        var collected = InputCollector.Collect(paths, workingDirectory, out var missing);
        var results = new List<ReadResult>(collected.Count);
        foreach (var input in collected)
        {
            results.Add(input switch
            {
                CollectedFile file => ReadFile(file),
                UnreadableInput bad => ReadResult.Failed(SourceLocation.ForFile(bad.DisplayPath), bad.Reason),
                _ => throw new InvalidOperationException("unknown input"),
            });
        }

        return Analyze(results, missing);
    }

    /// <summary>Runs the rules over what was read (also used by callers that read inputs themselves, such as a tenant pull).</summary>
    public LintResult Analyze(List<ReadResult> results, List<string>? missing = null)
    {
        ExportSet.Reconcile(results);
        var sources = results.SelectMany(r => r.Sources).ToList();
        var policy = EffectivePolicyResolver.Resolve(sources);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var problem in results.SelectMany(r => r.Problems).Where(p => p.Severity == ProblemSeverity.Error))
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Subject, "input|" + problem.Message);
            if (problem.Location.IsBinary)
            {
                properties = properties.Add(DiagnosticProperties.RegionKind, "bytes");
            }

            diagnostics.Add(Diagnostic.Create(InputDiagnostics.InputNotReadable, problem.Location.ToRoslyn(), properties, problem.Message));
        }

        diagnostics.AddRange(_driver.Run(policy));
        return new LintResult(results, policy, Sort(diagnostics.ToImmutable()), missing ?? []);
    }

    public ReadResult ReadFile(CollectedFile file)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (info.Length > MaxFileBytes)
            {
                return ReadResult.Failed(SourceLocation.ForFile(file.DisplayPath), $"the file is {info.Length / (1024 * 1024)} MiB, larger than the {MaxFileBytes / (1024 * 1024)} MiB a policy export can be");
            }

            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return ReadResult.Failed(SourceLocation.ForFile(file.DisplayPath), $"cannot read the file: {InputCollector.Reason(ex)}");
        }

        var input = new InputFile(file.DisplayPath, file.FullPath, bytes, file.NamedExplicitly);
        foreach (var reader in _readers)
        {
            var result = reader.TryRead(input);
            if (result is not null)
            {
                return Explicit(result, input);
            }
        }

        var reason = TextDecoding.Decode(bytes, out _, out _) switch
        {
            ContentKind.Empty => "the file is empty",
            ContentKind.Binary => "a binary file that is not a Registry.pol",
            _ => "not a policy export PolicyLint reads (expected Intune JSON, a GPMC XML report or a Registry.pol)",
        };
        return Explicit(ReadResult.Skipped(file.DisplayPath, reason), input);
    }

    /// <summary>A file the user named explicitly must be a policy export: skipping it silently would hide a mistake.</summary>
    private static ReadResult Explicit(ReadResult result, InputFile input)
    {
        if (input.NamedExplicitly && result.SkipReason is { } reason && result.Sources.Count == 0 && !result.HasErrors)
        {
            result.Problems.Add(ReadProblem.Error(SourceLocation.ForFile(input.DisplayPath), reason));
            result.SkipReason = null;
        }

        return result;
    }

    private static ImmutableArray<Diagnostic> Sort(ImmutableArray<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Character)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
    ];
}

/// <summary>What a lint run produced.</summary>
public sealed class LintResult
{
    public LintResult(IReadOnlyList<ReadResult> files, EffectivePolicy policy, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> missingPaths)
    {
        Files = files;
        Policy = policy;
        Diagnostics = diagnostics;
        MissingPaths = missingPaths;
    }

    public IReadOnlyList<ReadResult> Files { get; }

    public EffectivePolicy Policy { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<string> MissingPaths { get; }

    /// <summary>Files from which at least one WHfB policy source was read.</summary>
    public int FilesLinted => Files.Count(f => f.Sources.Count > 0);

    public IEnumerable<ReadResult> Skipped => Files.Where(f => f.SkipReason is not null);

    public IEnumerable<ReadProblem> Notes => Files.SelectMany(f => f.Problems).Where(p => p.Severity == ProblemSeverity.Note);

    public bool HasReadableInput => Files.Any(f => f.Sources.Count > 0);
}
