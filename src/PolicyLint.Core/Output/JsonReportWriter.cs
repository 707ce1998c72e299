using System.Text.Json;

namespace PolicyLint.Output;

/// <summary>Findings as one JSON document, for scripts: a summary and one object per finding, written as it goes.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public void Write(LintReport report, TextWriter output)
    {
        using var sink = new JsonTextSink(output, new JsonWriterOptions { Indented = true });
        var json = sink.Json;
        {
            json.WriteStartObject();
            json.WriteString("tool", ToolInfo.Name);
            json.WriteString("version", report.ToolVersion);
            json.WriteStartObject("summary");
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteNumber("notes", report.NoteCount);
            json.WriteNumber("filesLinted", report.FilesLinted);
            json.WriteNumber("filesSkipped", report.FilesSkipped);
            json.WriteNumber("suppressed", report.Suppressed.Length);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("ruleName", finding.RuleName);
                json.WriteString("level", finding.Level);
                json.WriteString("message", finding.Message);
                WriteLocation(json, "location", finding.Location);
                if (finding.SourceName is not null)
                {
                    json.WriteString("policy", finding.SourceName);
                }

                if (finding.RelatedLocations.Length > 0)
                {
                    json.WriteStartArray("relatedLocations");
                    foreach (var related in finding.RelatedLocations)
                    {
                        WriteLocation(json, null, related);
                    }

                    json.WriteEndArray();
                }

                json.WriteString("helpUri", finding.HelpUri);
                json.WriteEndObject();
                sink.Drain();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        sink.Finish();
    }

    private static void WriteLocation(Utf8JsonWriter json, string? name, FindingLocation location)
    {
        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }

        json.WriteString("file", location.FilePath);
        if (location.ByteOffset is { } offset)
        {
            json.WriteNumber("byteOffset", offset);
            json.WriteNumber("byteLength", location.ByteLength ?? 0);
        }
        else if (location.Line > 0)
        {
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
        }

        json.WriteEndObject();
    }
}
