using PolicyLint.Catalog;
using PolicyLint.Input;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>Reads custom OMA-URI profiles (windows10CustomConfiguration) and keeps the PassportForWork and related rows.</summary>
public sealed class CustomOmaUriReader : IIntuneObjectReader
{
    public const string ODataType = "#microsoft.graph.windows10CustomConfiguration";

    /// <summary>Only rows whose OMA-URI <see cref="OmaUri.Parse"/> accepts make settings.</summary>
    public IReadOnlyList<ContentMarker> Markers { get; } = [.. OmaUri.RequiredSegments.Select(ContentMarker.Anywhere)];

    public PolicySourceBuilder? TryRead(JsonObject obj, IntuneReadContext context)
    {
        var rows = obj.GetArray("omaSettings");
        if (!string.Equals(obj.ODataType, ODataType, StringComparison.OrdinalIgnoreCase) && rows is null)
        {
            return null;
        }

        var source = new PolicySourceBuilder(SourceKind.CustomOmaUri, context.NameOf(obj), context.NameLocationOf(obj)) { Id = obj.GetString("id") };
        foreach (var row in rows?.Items.OfType<JsonObject>() ?? [])
        {
            ReadRow(row, source, context);
        }

        AssignmentReader.Read(obj, source, context);
        return source;
    }

    private static void ReadRow(JsonObject row, PolicySourceBuilder source, IntuneReadContext context)
    {
        var valueNode = row["value"];
        var uriNode = row["omaUri"];
        var uriText = uriNode?.AsString();
        if (uriNode is null || uriText is null)
        {
            return;
        }

        // A URI meant for PassportForWork that cannot address it (misspelt root, wrong vendor path, white space, a
        // trailing slash) is kept as it is written, with no node: the device never applies it, and PL4008 reports it.
        if (OmaUri.FindMalformation(uriText) is { } malformed)
        {
            source.Add(new PolicySetting(null, malformed.Scope, PolicyValue.None, uriText, valueNode?.Location ?? uriNode.Location)
            {
                NameLocation = uriNode.Location,
                Problem = SettingProblem.MalformedOmaUri,
                ProblemDetail = "the OMA-URI cannot address a PassportForWork node: " + malformed.Describe(),
            });
            return;
        }

        var uri = OmaUri.Parse(uriText);
        if (uri is null)
        {
            return;
        }

        // OMA-URIs of catalogue nodes repeat in every profile of a tenant: one string each.
        uriText = uri.Node is null ? uriText : string.Intern(uriText);
        valueNode ??= uriNode;
        var uriLocation = uriNode.Location;
        var valueLocation = valueNode.Location;
        var notApplied = uri.TenantSegmentIsPlaceholder
            ? $"the OMA-URI names the tenant node '{uri.TenantSegment}' instead of the tenant GUID, so the device never applies it"
            : null;

        if (uri.Node is null)
        {
            source.Add(new PolicySetting(null, uri.Scope, PolicyValue.None, uriText, valueLocation)
            {
                NameLocation = uriLocation,
                Problem = uri.IsPassportForWork ? SettingProblem.UnknownNode : SettingProblem.None,
                NotAppliedReason = notApplied,
            });
            return;
        }

        // A String row for a Boolean node is a type error whatever the value, so it is found even when the value is hidden.
        var stringRowForBoolean = uri.Node.DataType == CspDataType.Boolean
            && string.Equals(row.ODataType, "#microsoft.graph.omaSettingString", StringComparison.OrdinalIgnoreCase);
        if (row["isEncrypted"] is JsonScalar { Kind: JsonScalarKind.True } && stringRowForBoolean)
        {
            source.Add(new PolicySetting(uri.Node, uri.Scope, PolicyValue.None, uriText, valueLocation)
            {
                NameLocation = uriLocation,
                Problem = SettingProblem.MalformedValue,
                ProblemDetail = $"{uri.Node.Name} is a Boolean node but the row is String; use the Boolean data type",
                NotAppliedReason = notApplied,
            });
            return;
        }

        if (row["isEncrypted"] is JsonScalar { Kind: JsonScalarKind.True })
        {
            // The value is ciphertext in the export; it is neither decoded nor ever printed.
            source.Add(new PolicySetting(uri.Node, uri.Scope, PolicyValue.None, uriText, valueLocation)
            {
                NameLocation = uriLocation,
                Problem = SettingProblem.EncryptedValue,
                ProblemDetail = "the value is encrypted in the export",
                NotAppliedReason = notApplied,
            });
            return;
        }

        // A value a tenant pull decrypted (it marks the row) is never quoted in a message.
        var wasEncrypted = row["value@policylint.wasEncrypted"] is JsonScalar { Kind: JsonScalarKind.True };
        var conversion = Convert(uri.Node, row.ODataType, valueNode, quoteValue: !wasEncrypted);
        var problem = conversion.Problem;
        var detail = conversion.Detail;
        if (problem == SettingProblem.None && !uri.Node.AllowedIn(uri.Scope))
        {
            problem = SettingProblem.WrongScope;
            detail = $"{uri.Node.Name} exists only in device scope (./Device/...)";
        }

        source.Add(new PolicySetting(uri.Node, uri.Scope, conversion.Value, uriText, valueLocation)
        {
            NameLocation = uriLocation,
            RawValue = valueNode is JsonScalar scalar ? scalar.Text : null,
            Problem = problem,
            ProblemDetail = detail,
            NotAppliedReason = notApplied,
        });
    }

    private static NodeValues.Conversion Convert(CspNode node, string? rowType, JsonNode valueNode, bool quoteValue)
    {
        if (valueNode is not JsonScalar scalar || scalar.Kind == JsonScalarKind.Null)
        {
            return new(PolicyValue.None, SettingProblem.MalformedValue, "the row has no value");
        }

        var declared = rowType?.ToLowerInvariant();
        if (node.DataType == CspDataType.Boolean && declared == "#microsoft.graph.omasettinginteger")
        {
            return new(PolicyValue.None, SettingProblem.MalformedValue, $"{node.Name} is a Boolean node but the row is Integer; use the Boolean data type");
        }

        // A String row sends a chr value; a Boolean node takes bool only, so "True"/"False" in a String row is a type error.
        if (node.DataType == CspDataType.Boolean && declared == "#microsoft.graph.omasettingstring")
        {
            return new(PolicyValue.None, SettingProblem.MalformedValue, quoteValue
                ? $"{node.Name} is a Boolean node but the row is String ('{scalar.Text}'); use the Boolean data type"
                : $"{node.Name} is a Boolean node but the row is String; use the Boolean data type");
        }

        if (node.DataType == CspDataType.Integer && declared == "#microsoft.graph.omasettingboolean")
        {
            return new(PolicyValue.None, SettingProblem.MalformedValue, $"{node.Name} is an Integer node but the row is Boolean; use the Integer data type");
        }

        return scalar.Kind switch
        {
            JsonScalarKind.True or JsonScalarKind.False => NodeValues.FromText(node, scalar.Text),
            JsonScalarKind.Number when scalar.TryGetInt64(out var n) => NodeValues.FromInteger(node, n),
            _ => NodeValues.FromText(node, scalar.Text),
        };
    }
}
