using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PolicyLint.Output;

namespace PolicyLint.Pipeline;

/// <summary>A baseline that cannot be used, with what is wrong with it.</summary>
public sealed class BaselineException(string message) : Exception(message);

/// <summary>
/// A previous run's findings, read from its SARIF log (<c>policylint baseline</c> or <c>lint --format sarif</c>), and
/// the comparison that marks each finding new, unchanged or updated by fingerprint, and lists what went away. With a
/// baseline, --fail-on counts only new and updated findings, and reports put them first.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<string, AbsentFinding> _byFingerprint;

    private Baseline(Dictionary<string, AbsentFinding> byFingerprint) => _byFingerprint = byFingerprint;

    public int Count => _byFingerprint.Count;

    /// <exception cref="BaselineException">The file cannot be read or is not a SARIF log PolicyLint wrote.</exception>
    public static Baseline Load(string path)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"cannot read the baseline '{path}': {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new BaselineException($"the baseline '{path}' is not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): expected a SARIF log written by 'policylint baseline'");
        }

        using (document)
        {
            var byFingerprint = new Dictionary<string, AbsentFinding>(StringComparer.Ordinal);
            if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new BaselineException($"the baseline '{path}' has no 'runs': expected a SARIF log written by 'policylint baseline'");
            }

            foreach (var result in runs.EnumerateArray().Where(r => r.TryGetProperty("results", out _)).SelectMany(r => r.GetProperty("results").EnumerateArray()))
            {
                if (!result.TryGetProperty("partialFingerprints", out var fingerprints)
                    || !fingerprints.TryGetProperty(SarifReportWriter.FingerprintKey, out var fingerprint)
                    || (result.TryGetProperty("baselineState", out var state) && state.GetString() == "absent"))
                {
                    continue;
                }

                var location = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    ? locations[0].GetProperty("physicalLocation")
                    : default;
                var uri = location.ValueKind == JsonValueKind.Object && location.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var u)
                    ? Uri.UnescapeDataString(u.GetString() ?? string.Empty)
                    : null;
                var line = location.ValueKind == JsonValueKind.Object && location.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
                var key = fingerprint.GetString() ?? string.Empty;
                byFingerprint[key] = new AbsentFinding(
                    result.TryGetProperty("ruleId", out var rule) ? rule.GetString() ?? string.Empty : string.Empty,
                    result.TryGetProperty("level", out var level) ? level.GetString() ?? "warning" : "warning",
                    result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                    key,
                    uri,
                    line);
            }

            return new Baseline(byFingerprint);
        }
    }

    /// <summary>The report with every finding's baseline state, new and updated findings first, and the absent ones listed.</summary>
    public LintReport Apply(LintReport report)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<Finding> Mark(ImmutableArray<Finding> findings) => [.. findings.Select(f =>
        {
            if (!_byFingerprint.TryGetValue(f.Fingerprint, out var before))
            {
                return f with { BaselineState = BaselineState.New };
            }

            matched.Add(f.Fingerprint);
            return f with { BaselineState = before.Message == f.Message && before.Level == f.Level ? BaselineState.Unchanged : BaselineState.Updated };
        })];

        var findings = Mark(report.Findings);
        var suppressed = Mark(report.Suppressed);
        var byFingerprint = findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        ImmutableArray<Finding> byPriority = [.. report.ByPriority
            .Select(f => byFingerprint[f.Fingerprint])
            .OrderBy(f => f.BaselineState is BaselineState.New or BaselineState.Updated ? 0 : 1)];
        return report with
        {
            Findings = findings,
            Suppressed = suppressed,
            ByPriority = byPriority,
            HasBaseline = true,
            Absent = [.. _byFingerprint.Values.Where(b => !matched.Contains(b.Fingerprint)).OrderBy(b => b.FilePath, StringComparer.Ordinal).ThenBy(b => b.Line)],
        };
    }
}
