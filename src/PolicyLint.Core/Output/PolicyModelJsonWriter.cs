using System.Text.Json;
using PolicyLint.Model;

namespace PolicyLint.Output;

/// <summary>
/// What PolicyLint understood, as stable JSON (<c>policylint show --format json</c>, documented in docs/show.md):
/// every source with its assignments and normalized settings, then each tenant's effective policy per node and scope
/// with the winner and what it shadows. Field names only ever gain members; none is renamed or removed.
/// </summary>
public sealed class PolicyModelJsonWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    public string Format => "json";

    public void Write(LintReport report, TextWriter output)
    {
        using var sink = new JsonTextSink(output, new JsonWriterOptions { Indented = true });
        var json = sink.Json;
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("tool", ToolInfo.Name);
            json.WriteString("version", report.ToolVersion);
            json.WriteStartArray("sources");
            foreach (var source in report.Files.SelectMany(f => f.Sources))
            {
                WriteSource(json, source);
                sink.Drain();
            }

            json.WriteEndArray();
            json.WriteStartArray("effectivePolicies");
            foreach (var policy in report.Policies)
            {
                json.WriteStartObject();
                json.WriteStartArray("nodes");
                foreach (var node in policy.Nodes)
                {
                    foreach (var scope in new[] { PolicyScope.Device, PolicyScope.User })
                    {
                        var settings = node.Settings.Where(s => s.Scope == scope).ToList();
                        if (settings.Count == 0)
                        {
                            continue;
                        }

                        json.WriteStartObject();
                        json.WriteString("node", node.Node.Id);
                        json.WriteString("scope", Scope(scope));
                        json.WriteString("winner", settings[0].Value.ToString());
                        json.WritePropertyName("winnerSource");
                        WriteSettingRef(json, settings[0]);
                        json.WriteStartArray("shadows");
                        foreach (var shadowing in node.Shadowed.Where(s => s.Shadowed.Scope == scope))
                        {
                            json.WriteStartObject();
                            json.WriteString("value", shadowing.Shadowed.Value.ToString());
                            json.WritePropertyName("source");
                            WriteSettingRef(json, shadowing.Shadowed);
                            json.WritePropertyName("by");
                            WriteSettingRef(json, shadowing.Winner);
                            json.WriteString("reason", shadowing.Reason);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteNumber("conflicts", node.Conflicts.Count(c => c.First.Scope == scope));
                        json.WriteEndObject();
                        sink.Drain();
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        sink.Finish();
    }

    private static void WriteSource(Utf8JsonWriter json, PolicySource source)
    {
        json.WriteStartObject();
        json.WriteString("kind", source.Kind.ToString());
        json.WriteString("name", source.DisplayName);
        json.WriteString("id", source.Id);
        WriteLocation(json, "location", source.Location);
        json.WriteString("assignmentState", source.AssignmentState.ToString());
        json.WriteStartArray("assignments");
        foreach (var assignment in source.Assignments)
        {
            json.WriteStartObject();
            json.WriteString("kind", assignment.Kind.ToString());
            json.WriteString("target", assignment.Describe());
            if (assignment.GroupId is not null)
            {
                json.WriteString("groupId", assignment.GroupId);
            }

            if (assignment.FilterId is not null)
            {
                json.WriteString("filterId", assignment.FilterId);
                json.WriteString("filterMode", assignment.FilterMode.ToString());
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("settings");
        foreach (var setting in source.Settings)
        {
            json.WriteStartObject();
            json.WriteString("node", setting.Node?.Id);
            json.WriteString("written", setting.WrittenName);
            json.WriteString("scope", Scope(setting.Scope));
            json.WriteString("value", setting.Value.Kind == PolicyValueKind.None ? null : setting.Value.ToString());
            WriteLocation(json, "location", setting.Location);
            if (setting.Problem != SettingProblem.None)
            {
                json.WriteString("problem", setting.Problem.ToString());
            }

            if (setting.NotAppliedReason is not null)
            {
                json.WriteString("notApplied", setting.NotAppliedReason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSettingRef(Utf8JsonWriter json, PolicySetting setting)
    {
        json.WriteStartObject();
        json.WriteString("name", setting.Source.DisplayName);
        json.WriteString("kind", setting.Source.Kind.ToString());
        WriteLocation(json, "location", setting.Location);
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string name, SourceLocation location)
    {
        json.WriteStartObject(name);
        json.WriteString("file", location.FilePath);
        if (location.IsBinary)
        {
            json.WriteNumber("byteOffset", location.Offset);
        }
        else if (location.HasPosition)
        {
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
        }

        json.WriteEndObject();
    }

    internal static string Scope(PolicyScope scope) => scope == PolicyScope.Device ? "device" : "user";
}
