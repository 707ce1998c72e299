using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Tests.Fuzz;

/// <summary>
/// Edits that keep JSON, YAML or XML well formed but change its shape: a value of another type, a removed or duplicated
/// member, a node copied from elsewhere in the file, a value turned into JSON text (double-encoded), an edit inside a
/// JSON string that holds JSON, a YAML scalar in another style. Byte and text edits mostly end in a syntax error; these
/// reach the object readers.
/// </summary>
public static class StructureMutator
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Func<JsonNode?>[] JsonValues =
    [
        () => null, () => true, () => false, () => 0, () => -1, () => 1, () => 2147483648L, () => long.MinValue, () => 1e308, () => 0.5,
        () => "", () => " ", () => "0", () => "-1", () => "99999999999999999999", () => "true", () => "false", () => "notConfigured",
        () => "enabled", () => "disabled", () => "required", () => "{}", () => "[]", () => "{\"a\":", () => "\0", () => "\uFFFD",
        () => "#microsoft.graph.deviceManagementIntent", () => "#microsoft.graph.windowsIdentityProtectionConfiguration",
        () => "#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration", () => "#microsoft.graph.windows10CustomConfiguration",
        () => "#microsoft.graph.groupAssignmentTarget", () => "#microsoft.graph.exclusionGroupAssignmentTarget",
        () => "device_vendor_msft_passportforwork_{tenantid}", () => "device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork",
        () => "user_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork_true",
        () => "./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies", () => "./User/Vendor/MSFT/PassportForWork",
        () => "./Vendor/MSFT/Policy/Config/Security/RequireSecurityDevice", () => "0f2b5d70-d4e9-4156-8c16-1397eb6c54a5",
        () => new JsonArray(), () => new JsonObject(), () => new JsonArray((JsonNode?)null), () => new JsonArray(new JsonArray()),
        () => new JsonObject { ["value"] = new JsonArray() }, () => new JsonObject { ["@odata.type"] = null },
    ];

    private static readonly string[] XmlTexts =
    [
        "", " ", "Enabled", "Disabled", "Not Configured", "true", "false", "0", "-1", "4294967296", "99999999999999999999", "0x10", "1e9",
        "Windows Components/Windows Hello for Business", "System/PIN Complexity", "Software\\Policies\\Microsoft\\PassportForWork",
        "{6AC1786C-016F-11D2-945F-00C04FB984F9}", "{not-a-guid}", "contoso.com/Workstations", "<", "&", "\u00e9\u0301",
    ];

    /// <summary>Returns false when the text does not parse as <paramref name="fileKind"/> (the caller then edits text).</summary>
    public static bool TryMutate(string text, string fileKind, Random random, out string mutated, out string edit)
    {
        mutated = text;
        edit = string.Empty;
        try
        {
            return fileKind switch
            {
                "json" => TryMutateJson(text, random, depth: 0, out mutated, out edit),
                "xml" => TryMutateXml(text, random, out mutated, out edit),
                "yaml" => TryMutateYaml(text, random, out mutated, out edit),
                _ => false,
            };
        }
        catch (Exception ex) when (ex is JsonException or XmlException or YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Not well formed (after an earlier edit), duplicate names, or text System.Text.Json will not write back.
            return false;
        }
    }

    private static bool TryMutateJson(string text, Random random, int depth, out string mutated, out string edit)
    {
        mutated = text;
        edit = string.Empty;
        var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (root is null)
        {
            return false;
        }

        var all = new List<JsonNode>();
        Collect(root, all);
        var target = all[random.Next(all.Count)];
        var path = target.GetPath();

        // A string holding JSON (valueJson, CIPP's JSON/RAWJson, a _Settings file): edit inside it half the time.
        if (depth < 3 && target is JsonValue value && value.TryGetValue<string>(out var inner) && LooksLikeJson(inner) && random.Next(2) == 0
            && TryMutateJson(inner, random, depth + 1, out var innerMutated, out var innerEdit))
        {
            Replace(root, target, JsonValue.Create(innerMutated.ReplaceLineEndings(" ")), out root);
            mutated = root!.ToJsonString(Indented);
            edit = $"inside the JSON text at {path}: {innerEdit}";
            return true;
        }

        switch (random.Next(6))
        {
            case 0 when target.Parent is not null:
            {
                if (target.Parent is JsonObject parent)
                {
                    parent.Remove(target.GetPropertyName());
                }
                else
                {
                    ((JsonArray)target.Parent).Remove(target);
                }

                edit = $"remove {path}";
                break;
            }

            case 1:
            {
                var other = all[random.Next(all.Count)];
                var copy = other.DeepClone();
                Replace(root, target, copy, out root);
                edit = $"replace {path} with a copy of {other.GetPath()}";
                break;
            }

            case 2:
            {
                Replace(root, target, JsonValue.Create(target.ToJsonString()), out root);
                edit = $"double-encode {path}";
                break;
            }

            case 3:
            {
                var clone = target.DeepClone();
                Replace(root, target, random.Next(2) == 0 ? new JsonArray(clone, clone.DeepClone()) : new JsonObject { ["value"] = clone }, out root);
                edit = $"wrap {path}";
                break;
            }

            default:
            {
                var index = random.Next(JsonValues.Length);
                Replace(root, target, JsonValues[index](), out root);
                edit = $"set {path} to pool value {index}";
                break;
            }
        }

        mutated = root is null ? "null" : root.ToJsonString(Indented);
        return true;
    }

    private static void Collect(JsonNode node, List<JsonNode> all)
    {
        all.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, all);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, all);
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode root, JsonNode target, JsonNode? replacement, out JsonNode? newRoot)
    {
        newRoot = root;
        switch (target.Parent)
        {
            case null:
                newRoot = replacement;
                break;
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.Length > 1 && (trimmed[0] == '{' || trimmed[0] == '[');
    }

    /// <summary>
    /// YAML by shape: the same kinds of edits as JSON, and a scalar rewritten in another style (plain, quoted, literal or
    /// folded block), since IntuneCD's writer and a hand edit may pick any of them for the same value.
    /// </summary>
    private static bool TryMutateYaml(string text, Random random, out string mutated, out string edit)
    {
        mutated = text;
        edit = string.Empty;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0)
        {
            return false;
        }

        var nodes = stream.Documents.SelectMany(d => d.AllNodes).ToList();
        var target = nodes[random.Next(nodes.Count)];
        var where = $"the node at line {target.Start.Line}, column {target.Start.Column}";
        var parent = nodes.FirstOrDefault(n =>
            (n is YamlMappingNode m && m.Children.Values.Any(v => ReferenceEquals(v, target)))
            || (n is YamlSequenceNode q && q.Children.Any(c => ReferenceEquals(c, target))));
        ScalarStyle[] styles = [ScalarStyle.Plain, ScalarStyle.SingleQuoted, ScalarStyle.DoubleQuoted, ScalarStyle.Literal, ScalarStyle.Folded];
        YamlNode replacement;
        switch (random.Next(5))
        {
            case 0 when target is YamlScalarNode scalar:
            {
                var style = styles[random.Next(styles.Length)];
                replacement = new YamlScalarNode(scalar.Value) { Style = style };
                edit = $"write {where} as a {style} scalar";
                break;
            }

            case 1 when parent is not null:
            {
                if (parent is YamlMappingNode map)
                {
                    map.Children.Remove(map.Children.First(c => ReferenceEquals(c.Value, target)).Key);
                }
                else
                {
                    var items = ((YamlSequenceNode)parent).Children;
                    items.RemoveAt(items.ToList().FindIndex(c => ReferenceEquals(c, target)));
                }

                mutated = Save(stream);
                edit = $"remove {where}";
                return true;
            }

            case 2:
            {
                var other = nodes[random.Next(nodes.Count)];
                replacement = Clone(other);
                edit = $"replace {where} with a copy of the node at line {other.Start.Line}";
                break;
            }

            case 3:
                replacement = new YamlSequenceNode(Clone(target)) { Style = random.Next(2) == 0 ? SequenceStyle.Flow : SequenceStyle.Block };
                edit = $"wrap {where} in a sequence";
                break;
            default:
            {
                var index = random.Next(JsonValues.Length);
                var value = JsonValues[index]();
                replacement = value is JsonValue scalarValue
                    ? new YamlScalarNode(scalarValue.ToString()) { Style = styles[random.Next(styles.Length)] }
                    : new YamlScalarNode(value?.ToJsonString() ?? "null") { Style = ScalarStyle.Plain };
                edit = $"set {where} to pool value {index}";
                break;
            }
        }

        switch (parent)
        {
            case YamlMappingNode map:
                map.Children[map.Children.First(c => ReferenceEquals(c.Value, target)).Key] = replacement;
                break;
            case YamlSequenceNode sequence:
                sequence.Children[sequence.Children.ToList().FindIndex(c => ReferenceEquals(c, target))] = replacement;
                break;
            default:
                return false;
        }

        mutated = Save(stream);
        return true;
    }

    private static YamlNode Clone(YamlNode node)
    {
        // Round trip through text: the representation model has no deep copy, and a shared node would become an alias.
        var stream = new YamlStream(new YamlDocument(node));
        var copy = new YamlStream();
        copy.Load(new StringReader(Save(stream)));
        return copy.Documents[0].RootNode;
    }

    private static string Save(YamlStream stream)
    {
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static bool TryMutateXml(string text, Random random, out string mutated, out string edit)
    {
        mutated = text;
        edit = string.Empty;
        var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
        var elements = document.Descendants().ToList();
        if (elements.Count == 0)
        {
            return false;
        }

        var target = elements[random.Next(elements.Count)];
        var where = $"<{target.Name.LocalName}> #{elements.IndexOf(target)}";
        switch (random.Next(6))
        {
            case 0 when target.Parent is not null:
                target.Remove();
                edit = $"remove {where}";
                break;
            case 1:
                target.AddAfterSelf(new XElement(target));
                edit = $"duplicate {where}";
                break;
            case 2:
            {
                var other = elements[random.Next(elements.Count)];
                target.Add(new XElement(other));
                edit = $"copy <{other.Name.LocalName}> #{elements.IndexOf(other)} into {where}";
                break;
            }

            case 3:
            {
                // The same local name in no namespace (or the parent's), as a hand-edited report might have.
                target.Name = random.Next(2) == 0 ? XName.Get(target.Name.LocalName) : XName.Get(target.Name.LocalName, target.Parent?.Name.NamespaceName ?? string.Empty);
                edit = $"move {where} out of its namespace";
                break;
            }

            default:
            {
                var value = XmlTexts[random.Next(XmlTexts.Length)];
                target.ReplaceNodes(value);
                edit = $"set the text of {where} to '{value}'";
                break;
            }
        }

        mutated = (document.Declaration is { } declaration ? declaration + "\n" : string.Empty) + document.ToString(SaveOptions.DisableFormatting);
        return true;
    }
}
