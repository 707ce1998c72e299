using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Configuration;
using PolicyLint.Gpo;
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

    /// <summary>How a read error caused by a PolicyLint bug (not by the file) starts.</summary>
    public const string InternalReadErrorPrefix = "internal error: PolicyLint's";

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
        new RegistryPolReader(),
        new GpoReportReader(),
        new GpoBackupReader(),
        new IntuneJsonReader(IntuneJsonReader.DefaultObjectReaders),
    ];

    public IReadOnlyList<PolicyAnalyzer> Analyzers => _driver.Analyzers;

    /// <summary>Every descriptor the run can report: the engine's own and every analyzer's.</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors =>
        [InputDiagnostics.InputNotReadable, .. _driver.Analyzers.SelectMany(a => a.SupportedDiagnostics)];

    /// <summary>The friendly PascalCase name of a rule id (SARIF rule name, JSON ruleName, README table).</summary>
    public string RuleName(string id) =>
        id == RuleIds.InputNotReadable
            ? InputDiagnostics.InputNotReadableName
            : _driver.Analyzers.FirstOrDefault(a => a.SupportedDiagnostics.Any(d => d.Id == id))?.Name ?? id;

    public LintResult Lint(IEnumerable<string> paths, string workingDirectory, PolicyLintConfig? config = null)
    {
        var collected = InputCollector.Collect(paths, workingDirectory, out var missing);
        // Sequential on purpose: reading in parallel was measured on the 2-core machine and gained nothing (the work is
        // allocation-bound), so the simpler order-preserving loop stays (docs/performance.md).
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

        return Analyze(results, workingDirectory, config ?? PolicyLintConfig.Empty, missing);
    }

    /// <summary>
    /// Runs the rules over what was read (also used by callers that read inputs themselves, such as a tenant pull).
    /// Sources in different tenant folders are resolved separately: policies of two tenants never overlap.
    /// </summary>
    public LintResult Analyze(List<ReadResult> results, string workingDirectory, PolicyLintConfig config, List<string>? missing = null)
    {
        // A tenant's files are read together: the same object exported twice is read once, group names are shared.
        var tenants = results
            .GroupBy(r => config.TenantOf(Path.GetFullPath(r.FilePath, workingDirectory)), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        foreach (var tenant in tenants)
        {
            ExportSet.Reconcile(tenant);
        }

        var policies = tenants
            .Select(t => t.SelectMany(r => r.Sources).ToList())
            .Where(sources => sources.Count > 0)
            .Select(EffectivePolicyResolver.Resolve)
            .ToList();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var problem in results.SelectMany(r => r.Problems).Where(p => p.Severity == ProblemSeverity.Error))
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Subject, "input|" + problem.Message);
            if (problem.Location.IsBinary)
            {
                properties = properties.Add(DiagnosticProperties.RegionKind, "bytes");
            }

            var message = problem.Message.EndsWith('.') ? problem.Message : problem.Message + ".";
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.InputNotReadable, problem.Location.ToRoslyn(), properties, message));
        }

        foreach (var policy in policies)
        {
            diagnostics.AddRange(_driver.Run(policy));
        }

        var (kept, suppressed) = ApplyConfiguration(diagnostics.ToImmutable(), config, workingDirectory);
        return new LintResult(results, policies, Sort(kept), suppressed, missing ?? []);
    }

    /// <summary>Applies per-rule levels (or turns rules off) and suppressions from .policylint.yml.</summary>
    private static (ImmutableArray<Diagnostic> Kept, IReadOnlyList<SuppressedFinding> Suppressed) ApplyConfiguration(
        ImmutableArray<Diagnostic> diagnostics, PolicyLintConfig config, string workingDirectory)
    {
        if (config.RuleLevels.Count == 0 && config.Suppressions.Count == 0)
        {
            return (diagnostics, []);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var kept = ImmutableArray.CreateBuilder<Diagnostic>();
        var suppressed = new List<SuppressedFinding>();
        foreach (var diagnostic in diagnostics)
        {
            if (config.SeverityFor(diagnostic.Id, diagnostic.Descriptor.DefaultSeverity) is not { } severity)
            {
                continue;
            }

            var adjusted = severity == diagnostic.Severity ? diagnostic : WithSeverity(diagnostic, severity);
            var fullPath = Path.GetFullPath(adjusted.Location.GetLineSpan().Path, workingDirectory);
            var policyName = adjusted.Properties.GetValueOrDefault(DiagnosticProperties.SourceName);
            if (config.FindSuppression(adjusted.Id, fullPath, policyName, today) is { } suppression)
            {
                suppressed.Add(new SuppressedFinding(adjusted, suppression));
            }
            else
            {
                kept.Add(adjusted);
            }
        }

        return (kept.ToImmutable(), suppressed);
    }

    private static Diagnostic WithSeverity(Diagnostic d, DiagnosticSeverity severity) => Diagnostic.Create(
        d.Id,
        d.Descriptor.Category,
        d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
        severity,
        d.Descriptor.DefaultSeverity,
        isEnabledByDefault: true,
        warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
        title: d.Descriptor.Title,
        description: d.Descriptor.Description,
        helpLink: d.Descriptor.HelpLinkUri,
        location: d.Location,
        additionalLocations: d.AdditionalLocations,
        customTags: d.Descriptor.CustomTags,
        properties: d.Properties);

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
            ReadResult? result;
            try
            {
                result = reader.TryRead(input);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A reader bug must not stop the other files from being linted; say it is ours, not the file's.
                return ReadResult.Failed(
                    SourceLocation.ForFile(file.DisplayPath),
                    $"{InternalReadErrorPrefix} {reader.FormatName} reader failed on this file ({ex.GetType().Name}: {ex.Message}); please report it with the file");
            }

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

/// <summary>A finding that a suppression in .policylint.yml covers.</summary>
public sealed record SuppressedFinding(Diagnostic Diagnostic, Suppression Suppression);

/// <summary>What a lint run produced.</summary>
public sealed class LintResult
{
    public LintResult(
        IReadOnlyList<ReadResult> files,
        IReadOnlyList<EffectivePolicy> policies,
        ImmutableArray<Diagnostic> diagnostics,
        IReadOnlyList<SuppressedFinding> suppressed,
        IReadOnlyList<string> missingPaths)
    {
        Files = files;
        Policies = policies;
        Diagnostics = diagnostics;
        Suppressed = suppressed;
        MissingPaths = missingPaths;
    }

    public IReadOnlyList<ReadResult> Files { get; }

    /// <summary>One effective policy per tenant (one in total unless .policylint.yml lists tenant folders).</summary>
    public IReadOnlyList<EffectivePolicy> Policies { get; }

    /// <summary>The effective policy when the run holds one tenant (the usual case).</summary>
    public EffectivePolicy Policy => Policies.Count switch
    {
        0 => EffectivePolicyResolver.Resolve([]),
        1 => Policies[0],
        _ => throw new InvalidOperationException("the run holds several tenants; use Policies"),
    };

    /// <summary>Findings after configuration: levels applied, suppressed findings removed.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Findings a .policylint.yml suppression covers (kept for SARIF, which records them as suppressed).</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; }

    public IReadOnlyList<string> MissingPaths { get; }

    /// <summary>Files from which at least one WHfB policy source was read.</summary>
    public int FilesLinted => Files.Count(f => f.Sources.Count > 0);

    public IEnumerable<ReadResult> Skipped => Files.Where(f => f.SkipReason is not null);

    public IEnumerable<ReadProblem> Notes => Files.SelectMany(f => f.Problems).Where(p => p.Severity == ProblemSeverity.Note);

    public bool HasReadableInput => Files.Any(f => f.Sources.Count > 0);
}
