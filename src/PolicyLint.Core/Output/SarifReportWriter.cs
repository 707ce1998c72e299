using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and Azure DevOps. Deterministic: no timestamps unless the report carries
/// them; fingerprints come from the rule and what the finding is about, not from lines or file names, so they survive
/// edits. Streams: the log is written in chunks as results are formatted, never held whole as one string. Stays within
/// GitHub's upload limits (results per run, locations per result, tags per rule).
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "policylint/v1";
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>GitHub code scanning's limits for one SARIF run (docs.github.com, "SARIF support for code scanning").</summary>
    public const int MaxResults = 25_000;

    public const int MaxRelatedLocations = 1_000;

    public string Format => "sarif";

    public void Write(LintReport report, TextWriter output)
    {
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var results = report.Findings.Concat(report.Suppressed).ToList();
        // The log is a file, never inlined in HTML: keep Markdown help and messages readable (no \u0060 for backticks).
        var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var sink = new JsonTextSink(output, options))
        {
            var json = sink.Json;
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(sink, report);
            WriteInvocation(sink, report, omitted: Math.Max(0, results.Count - MaxResults));
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            WriteMessage(json, "description", "The folder PolicyLint ran in (the repository root in CI): every artifact URI is relative to it.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var finding in results.Take(MaxResults))
            {
                WriteResult(json, finding, ruleIndex, report.HasBaseline);
                sink.Drain();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            sink.Finish();
        }
    }

    private static void WriteTool(JsonTextSink sink, LintReport report)
    {
        var json = sink.Json;
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("informationUri", "https://github.com/policylint/policylint");
        json.WriteString("version", report.ToolVersion);
        json.WriteString("semanticVersion", report.ToolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            var descriptor = rule.Descriptor;
            var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
            json.WriteStartObject();
            json.WriteString("id", descriptor.Id);
            json.WriteString("name", rule.Name);
            WriteMessage(json, "shortDescription", descriptor.Title.ToString(CultureInfo.InvariantCulture));
            WriteMessage(json, "fullDescription", description);
            // A custom rule may have no page online (its descriptor's help link is empty): SARIF then has no helpUri.
            var helpUri = descriptor.HelpLinkUri is { Length: > 0 } link ? link : null;
            if (helpUri is not null)
            {
                json.WriteString("helpUri", helpUri);
            }

            json.WriteStartObject("help");
            json.WriteString("text", helpUri is null ? description : $"{description} See {helpUri}");
            json.WriteString("markdown", rule.HelpMarkdown ?? (helpUri is null ? description : $"{description}\n\n[{descriptor.Id}]({helpUri})"));
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Levels.NameOf(descriptor.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", descriptor.Category);
            json.WriteStartArray("tags");
            json.WriteStringValue(descriptor.Category.ToLowerInvariant());
            json.WriteStringValue("security");
            json.WriteStringValue("windows-hello-for-business");
            json.WriteEndArray();
            json.WriteString("security-severity", SecuritySeverity(rule));
            json.WriteEndObject();
            json.WriteEndObject();
            sink.Drain();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// GitHub ranks code-scanning alerts by a rule's security-severity (9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium,
    /// below 4.0 low), not by a result's level. Error rules whose findings are always errors rate high; rules that
    /// report some findings below their level (possible overlap, unassigned side) rate medium, so a gate on "high"
    /// never blocks on a finding that --fail-on error would let pass. docs/ci.md maps the gate to --fail-on.
    /// </summary>
    public static string SecuritySeverity(ReportRule rule) => (rule.Descriptor.DefaultSeverity, rule.LevelVaries) switch
    {
        (DiagnosticSeverity.Error, false) => "8.0",
        (DiagnosticSeverity.Error, true) => "6.5",
        (DiagnosticSeverity.Warning, _) => "5.0",
        _ => "2.0",
    };

    private static void WriteInvocation(JsonTextSink sink, LintReport report, int omitted)
    {
        var json = sink.Json;
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var overrides = report.RuleLevelOverrides.Where(o => ruleIndex.ContainsKey(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        if (overrides.Count > 0)
        {
            // .policylint.yml changed these rules' levels (or turned them off).
            json.WriteStartArray("ruleConfigurationOverrides");
            foreach (var (id, level) in overrides)
            {
                json.WriteStartObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", id);
                json.WriteNumber("index", ruleIndex[id]);
                json.WriteEndObject();
                json.WriteStartObject("configuration");
                if (level == Levels.None)
                {
                    json.WriteBoolean("enabled", false);
                }
                else
                {
                    json.WriteString("level", level);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        if (report.StartTime is { } start)
        {
            json.WriteString("startTimeUtc", start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }

        if (report.EndTime is { } end)
        {
            json.WriteString("endTimeUtc", end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }

        var notices = report.Notices.ToList();
        if (omitted > 0)
        {
            notices.Add($"{omitted} more results are not in this log: GitHub code scanning takes at most {MaxResults} per run; the text or JSON output lists them all");
        }

        if (notices.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var notice in notices)
            {
                json.WriteStartObject();
                json.WriteString("level", Levels.Note);
                WriteMessage(json, "message", notice);
                json.WriteEndObject();
                sink.Drain();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndex, bool hasBaseline)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", finding.Level);
        WriteMessage(json, "message", finding.Message);
        json.WriteStartArray("locations");
        WriteLocation(json, finding.Location, null, null);
        json.WriteEndArray();
        if (finding.RelatedLocations.Length > 0)
        {
            // The other side of the finding: the setting or policy it is weighed against.
            json.WriteStartArray("relatedLocations");
            var id = 1;
            foreach (var related in finding.RelatedLocations.Take(MaxRelatedLocations))
            {
                WriteLocation(json, related, id++, $"Also involved in this {finding.RuleId} finding: {related}.");
            }

            json.WriteEndArray();
        }

        if (hasBaseline && finding.BaselineState is { } state)
        {
            json.WriteString("baselineState", state switch
            {
                BaselineState.New => "new",
                BaselineState.Updated => "updated",
                _ => "unchanged",
            });
        }

        if (finding.Justification is { } justification)
        {
            // Suppressed in .policylint.yml. SARIF viewers (Azure DevOps) show it as suppressed; GitHub code scanning
            // ignores 'suppressions' and opens an alert unless the upload is filtered (docs/ci.md).
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("status", "accepted");
            json.WriteString("justification", justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(finding));
        json.WriteEndObject();
        if (finding.SourceName is not null)
        {
            json.WriteStartObject("properties");
            json.WriteString("policy", finding.SourceName);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, FindingLocation location, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is { } value)
        {
            json.WriteNumber("id", value);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(location.FilePath));
        if (!Path.IsPathRooted(location.FilePath))
        {
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
        if (location.ByteOffset is { } offset)
        {
            json.WriteStartObject("region");
            json.WriteNumber("byteOffset", offset);
            json.WriteNumber("byteLength", location.ByteLength ?? 0);
            json.WriteEndObject();
        }
        else if (location.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            json.WriteNumber("startColumn", location.Column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (message is not null)
        {
            WriteMessage(json, "message", message);
        }

        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference (repo-relative when run from the repository root), each segment escaped.</summary>
    public static string ToUri(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (Path.IsPathRooted(path))
        {
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }

        return string.Join('/', normalized.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>The finding's fingerprint, made once when the report is finalized (see <see cref="Finding.Fingerprint"/>).</summary>
    public static string Fingerprint(Finding finding) => finding.Fingerprint;
}
