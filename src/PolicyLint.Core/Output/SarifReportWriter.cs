using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLint.Analysis;

namespace PolicyLint.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and Azure DevOps. Deterministic: no timestamps unless the report carries
/// them; fingerprints come from rule, file and what the finding is about, not from line numbers, so they survive edits.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "policylint/v1";

    public string Format => "sarif";

    public void Write(LintReport report, TextWriter output)
    {
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report);
            WriteInvocation(json, report);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var finding in report.Findings.Concat(report.Suppressed))
            {
                WriteResult(json, finding, ruleIndex);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteTool(Utf8JsonWriter json, LintReport report)
    {
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
            json.WriteStartObject();
            json.WriteString("id", descriptor.Id);
            json.WriteString("name", rule.Name);
            WriteMessage(json, "shortDescription", descriptor.Title.ToString(CultureInfo.InvariantCulture));
            WriteMessage(json, "fullDescription", descriptor.Description.ToString(CultureInfo.InvariantCulture));
            json.WriteString("helpUri", descriptor.HelpLinkUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Levels.NameOf(descriptor.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", descriptor.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, LintReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        if (report.StartTime is { } start)
        {
            json.WriteString("startTimeUtc", start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }

        if (report.EndTime is { } end)
        {
            json.WriteString("endTimeUtc", end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }

        var notices = report.Notices.ToList();
        if (notices.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var notice in notices)
            {
                json.WriteStartObject();
                json.WriteString("level", Levels.Note);
                WriteMessage(json, "message", notice);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndex)
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
        WriteLocation(json, finding.Location, null);
        json.WriteEndArray();
        if (finding.RelatedLocations.Length > 0)
        {
            json.WriteStartArray("relatedLocations");
            var id = 1;
            foreach (var related in finding.RelatedLocations)
            {
                WriteLocation(json, related, id++);
            }

            json.WriteEndArray();
        }

        if (finding.Justification is { } justification)
        {
            // Suppressed in .policylint.yml: kept in the log so code scanning shows it as dismissed, not gone.
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

    private static void WriteLocation(Utf8JsonWriter json, FindingLocation location, int? id)
    {
        json.WriteStartObject();
        if (id is { } value)
        {
            json.WriteNumber("id", value);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(location.FilePath));
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
