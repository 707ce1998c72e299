using PolicyLint.Catalog;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Turns a value of the older Intune object forms (Identity Protection properties, Account Protection intent settings,
/// the tenant-wide enrollment policy) into the CSP value of the node it maps to. These forms write Booleans, Int32s and
/// enum words (configurationUsage, enablement, windowsHelloForBusinessPinUsage); "notConfigured" and null mean the
/// property is not set, and then no value is made up (reference sections C, D.1 and E).
/// </summary>
public static class IntunePropertyValues
{
    /// <summary>Properties of deviceConfiguration and deviceEnrollmentConfiguration objects that are metadata, never a setting.</summary>
    private static readonly HashSet<string> Metadata = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "displayName", "description", "version", "createdDateTime", "lastModifiedDateTime", "roleScopeTagIds",
        "supportsScopeTags", "deviceManagementApplicabilityRuleOsEdition", "deviceManagementApplicabilityRuleOsVersion",
        "deviceManagementApplicabilityRuleDeviceMode", "assignments", "priority", "deviceEnrollmentConfigurationType",
    };

    /// <summary>
    /// Reads every scalar property of an object whose properties are settings (Identity Protection profile, tenant-wide
    /// enrollment policy) in device scope. A property the catalogue does not map is noted when it holds a value.
    /// </summary>
    public static void ReadProperties(JsonObject obj, PolicySourceBuilder source, IntuneReadContext context, Func<string, CspNode?> nodeOf, bool identityProtection)
    {
        foreach (var property in obj.Properties)
        {
            if (property.Value is not JsonScalar scalar || IsMetadata(property.Name))
            {
                continue;
            }

            if (nodeOf(property.Name) is not { } node)
            {
                if (scalar is { Kind: not JsonScalarKind.Null, Text: not ("0" or "notConfigured") })
                {
                    context.Note(scalar, $"{source.Kind.DisplayName()} property '{property.Name}' has no PassportForWork node in the catalogue; it was not linted");
                }

                continue;
            }

            Add(source, node, PolicyScope.Device, property.Name, property.NameLocation, scalar, identityProtection && node.Names.IdentityProtectionInverted);
        }
    }

    /// <summary>Metadata properties, OData annotations (<c>x@odata.type</c>) and action links (<c>#microsoft.graph.assign</c>).</summary>
    private static bool IsMetadata(string property) =>
        Metadata.Contains(property) || property.Contains('@', StringComparison.Ordinal) || property.StartsWith('#');

    /// <summary>The value as a CSP value, or null when the property is not set (null, "notConfigured").</summary>
    public static NodeValues.Conversion? Convert(CspNode node, JsonNode value, bool inverted = false)
    {
        if (value is not JsonScalar scalar)
        {
            return new(PolicyValue.None, SettingProblem.MalformedValue, "expected a single value, found a JSON object or array");
        }

        switch (scalar.Kind)
        {
            case JsonScalarKind.Null:
                return null;
            case JsonScalarKind.True or JsonScalarKind.False:
                return FromBoolean(node, scalar.Kind == JsonScalarKind.True ^ inverted);
            case JsonScalarKind.Number:
                return scalar.TryGetInt64(out var number)
                    ? NodeValues.FromInteger(node, number)
                    : new(PolicyValue.None, SettingProblem.MalformedValue, $"'{scalar.Text}' is not an integer");
        }

        var word = scalar.Text.Trim();
        switch (word.ToLowerInvariant())
        {
            case "" or "notconfigured":
                return null;
            case "true" or "enabled":
                return FromBoolean(node, !inverted);
            case "false" or "disabled":
                return FromBoolean(node, inverted);
        }

        if (node.AllowedValues is { } allowed && allowed.ContainsKey(0) && UsageOf(word) is { } usage)
        {
            return NodeValues.FromInteger(node, usage);
        }

        return node.DataType == CspDataType.String || scalar.TryGetInt64(out _)
            ? NodeValues.FromText(node, word)
            : new(PolicyValue.None, SettingProblem.MalformedValue, $"'{word}' is not a value {node.Name} takes");
    }

    /// <summary>configurationUsage and windowsHelloForBusinessPinUsage words as the PIN complexity CSP values.</summary>
    private static long? UsageOf(string word) => word.ToLowerInvariant() switch
    {
        "allowed" => 0,
        "required" => 1,
        "blocked" or "disallowed" or "notallowed" => 2,
        _ => null,
    };

    /// <summary>A Boolean written for a node: itself for Boolean nodes, 1/0 for on/off integer nodes (UseSecurityKeyForSignin).</summary>
    private static NodeValues.Conversion FromBoolean(CspNode node, bool value) => node.DataType switch
    {
        CspDataType.Boolean => new(PolicyValue.FromBoolean(value), SettingProblem.None, null),
        CspDataType.Integer when node.AllowedValues is { } allowed && allowed.ContainsKey(0) && allowed.ContainsKey(1) && allowed.Count == 2
            => new(PolicyValue.FromInteger(value ? 1 : 0), SettingProblem.None, null),
        _ => new(PolicyValue.None, SettingProblem.MalformedValue, $"{node.Name} is not an on/off setting, but the export writes {(value ? "true" : "false")}"),
    };

    /// <summary>Adds the setting read from one property, unless the property is not set.</summary>
    public static void Add(PolicySourceBuilder source, CspNode node, PolicyScope scope, string writtenName, SourceLocation nameLocation, JsonNode valueNode, bool inverted = false)
    {
        if (Convert(node, valueNode, inverted) is not { } conversion)
        {
            return;
        }

        source.Add(new PolicySetting(node, scope, conversion.Value, writtenName, valueNode.Location)
        {
            NameLocation = nameLocation,
            RawValue = valueNode is JsonScalar s ? s.Text : null,
            Problem = conversion.Problem,
            ProblemDetail = conversion.Detail,
        });
    }
}
