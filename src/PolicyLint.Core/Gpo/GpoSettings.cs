using System.Globalization;
using PolicyLint.Catalog;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>Turns GPO registry values and ADMX policy states into <see cref="PolicySetting"/>s, the same way for every GPO input.</summary>
public static class GpoSettings
{
    public static string SectionName(PolicyScope scope) => scope == PolicyScope.Device ? "Computer Configuration" : "User Configuration";

    public static string Hive(PolicyScope scope) => scope == PolicyScope.Device ? "HKLM" : "HKCU";

    /// <summary>Why settings of a section do not reach anyone, or null when they do.</summary>
    public static string? NotAppliedReason(GroupPolicyInfo info, PolicyScope scope)
    {
        if (scope == PolicyScope.Device && !info.ComputerEnabled)
        {
            return "the GPO's Computer Configuration section is disabled";
        }

        if (scope == PolicyScope.User && !info.UserEnabled)
        {
            return "the GPO's User Configuration section is disabled";
        }

        if (info.LinksKnown && !info.HasEnabledLink)
        {
            return info.Links.Count == 0 ? "the GPO is not linked to any site, domain or OU" : "every link of the GPO is disabled";
        }

        return null;
    }

    /// <summary>Group Policy class checks: a Computer-only value set in User Configuration does nothing.</summary>
    public static (SettingProblem Problem, string? Detail) ScopeCheck(CspNode node, PolicyScope scope, SettingProblem problem, string? detail)
    {
        if (problem == SettingProblem.None && scope == PolicyScope.User && !node.Names.GpoInUser && !node.AllowedInUser)
        {
            return (SettingProblem.WrongScope, $"{node.Name} is a Computer Configuration (device) policy only; in User Configuration it does nothing");
        }

        return (problem, detail);
    }

    public static PolicySetting Create(
        CspNode node,
        PolicyScope scope,
        NodeValues.Conversion conversion,
        string writtenName,
        string? rawValue,
        SourceLocation valueLocation,
        SourceLocation nameLocation,
        string? notApplied)
    {
        var (problem, detail) = ScopeCheck(node, scope, conversion.Problem, conversion.Detail);
        return new PolicySetting(node, scope, conversion.Value, writtenName, valueLocation)
        {
            NameLocation = nameLocation,
            RawValue = rawValue,
            Problem = problem,
            ProblemDetail = detail,
            NotAppliedReason = notApplied,
        };
    }

    /// <summary>A registry value (from a Registry.pol record or a report's RegistrySetting) for a known node.</summary>
    public static NodeValues.Conversion Convert(CspNode node, long? number, string? text)
    {
        if (number is { } n)
        {
            return NodeValues.FromInteger(node, n);
        }

        if (text is not null)
        {
            return NodeValues.FromText(node, text);
        }

        return new(PolicyValue.None, SettingProblem.MalformedValue, "the registry value has no readable data");
    }

    /// <summary>
    /// Adds the WHfB values a Registry.pol leaves behind. Records apply in file order, as the client applies them:
    /// deletion markers remove earlier values, so only what survives becomes a setting.
    /// </summary>
    public static void AddFromRegistryPol(PolicySourceBuilder source, RegistryPolFile pol, string displayPath, PolicyScope scope, string? notApplied, ReadResultBuilder result)
    {
        // Values grouped by key, so a **delvals. costs one removal, not a scan of every value.
        var surviving = new Dictionary<string, Dictionary<string, RegistryPolRecord>>(StringComparer.Ordinal);
        var order = new List<(string Key, string Value)>();
        foreach (var record in pol.Records)
        {
            var key = record.Key.Trim('\\').ToLowerInvariant();
            var value = record.TargetValueName.ToLowerInvariant();
            switch (record.Action)
            {
                case RegistryPolAction.SetValue:
                case RegistryPolAction.SoftSetValue:
                {
                    if (!surviving.TryGetValue(key, out var values))
                    {
                        surviving[key] = values = new Dictionary<string, RegistryPolRecord>(StringComparer.Ordinal);
                    }

                    if (record.Action == RegistryPolAction.SoftSetValue && values.ContainsKey(value))
                    {
                        break;
                    }

                    order.Add((key, value));
                    values[value] = record;
                    break;
                }

                case RegistryPolAction.DeleteValue:
                    surviving.GetValueOrDefault(key)?.Remove(value);
                    break;
                case RegistryPolAction.DeleteAllValues:
                    surviving.Remove(key);
                    break;
                case RegistryPolAction.DeleteValues:
                    foreach (var name in Split(record.Text))
                    {
                        surviving.GetValueOrDefault(key)?.Remove(name.ToLowerInvariant());
                    }

                    break;
                case RegistryPolAction.DeleteKeys:
                    foreach (var deleted in Split(record.Text).Select(k => k.Trim('\\').ToLowerInvariant()))
                    {
                        foreach (var existing in surviving.Keys.Where(k => k == deleted || k.StartsWith(deleted + "\\", StringComparison.Ordinal)).ToList())
                        {
                            surviving.Remove(existing);
                        }
                    }

                    break;
            }
        }

        var emitted = new HashSet<(string Key, string Value)>();
        foreach (var id in order)
        {
            if (!emitted.Add(id) || surviving.GetValueOrDefault(id.Key)?.GetValueOrDefault(id.Value) is not { } record)
            {
                continue;
            }

            var written = $@"{Hive(scope)}\{record.Key.Trim('\\')}\{record.TargetValueName}";
            var node = PassportForWorkCatalog.FindByGpoRegistry(record.Key, record.TargetValueName);
            if (node is null)
            {
                if (GpoPolicyMap.IsPassportForWorkKey(record.Key) && !GpoPolicyMap.IsGpoOnlyValue(record.Key, record.TargetValueName))
                {
                    result.Problems.Add(ReadProblem.Note(
                        SourceLocation.ForBytes(displayPath, record.Offset, record.Length),
                        $"{written} is under the Windows Hello for Business policy key but is not a value PolicyLint knows; it was not read"));
                }

                continue;
            }

            var conversion = record.DataProblem is { } problem
                ? new NodeValues.Conversion(PolicyValue.None, SettingProblem.MalformedValue, problem)
                : Convert(node, record.Number, record.Text);
            var raw = record.Number?.ToString(CultureInfo.InvariantCulture) ?? record.Text;
            source.Add(Create(
                node,
                scope,
                conversion,
                written,
                raw,
                SourceLocation.ForBytes(displayPath, record.DataOffset, record.DataSize),
                SourceLocation.ForBytes(displayPath, record.Offset, record.Length),
                notApplied));
        }
    }

    /// <summary>Parse problems of a Registry.pol as errors at their byte offsets.</summary>
    public static void ReportProblems(RegistryPolFile pol, string displayPath, ReadResultBuilder result)
    {
        foreach (var problem in pol.Problems)
        {
            result.Problems.Add(ReadProblem.Error(SourceLocation.ForBytes(displayPath, problem.Offset, 0), $"Registry.pol at byte {problem.Offset}: {problem.Message}"));
        }
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
