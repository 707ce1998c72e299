using System.Globalization;
using PolicyLint.Catalog;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>
/// Reads GPMC XML reports (<c>Get-GPOReport -ReportType Xml</c>, one GPO or <c>-All</c>), UTF-16LE with BOM or UTF-8.
/// When the report is the gpreport.xml of a Backup-GPO folder, the report gives the GPO's metadata and links and the
/// backup's registry.pol files give the settings (language-neutral registry data, byte-exact locations); a section
/// without a registry.pol falls back to the report. Each GPO is read once: the .pol files are not read again on their own.
/// </summary>
public sealed class GpoReportReader : IPolicyReader
{
    public const string SettingsNamespace = "http://www.microsoft.com/GroupPolicy/Settings";
    public const string RegistryNamespace = "http://www.microsoft.com/GroupPolicy/Settings/Registry";
    public const string TypesNamespace = "http://www.microsoft.com/GroupPolicy/Types";

    public string FormatName => "GPMC XML report";

    public bool Claims(DecodedDocument document) => document.IsText && LooksLikeReport(document.Utf8Span);

    public ReadResult Read(DecodedUnit unit)
    {
        var document = SourceDocument.FromUtf8(unit.DisplayPath, unit.Primary.Utf8Memory);
        XmlElementNode root;
        try
        {
            root = XmlTree.Parse(document);
        }
        catch (XmlInputException ex)
        {
            return ReadResult.Failed(ex.Location, ex.Message, FormatName);
        }

        var gpos = root.LocalName == "GPO" && root.NamespaceUri == SettingsNamespace
            ? [root]
            : root.Descendants().Where(e => e.LocalName == "GPO" && e.NamespaceUri == SettingsNamespace).ToList();
        if (gpos.Count == 0)
        {
            return ReadResult.Skipped(unit.DisplayPath, "XML in the Group Policy namespace, but no <GPO> element: not a GPMC report", FormatName);
        }

        var result = new ReadResultBuilder(unit.DisplayPath, FormatName);
        // A backup's report describes its one GPO; the backup's registry.pol files (companions of the unit) hold its settings.
        var backupPols = gpos.Count == 1 ? unit.Companions.Where(c => RegistryPolFile.HasSignature(c.RawSpan)).ToList() : [];
        foreach (var gpo in gpos)
        {
            var source = ReadGpo(gpo, backupPols, result);
            if (source.Settings.Count > 0)
            {
                result.Sources.Add(source.Build());
            }
        }

        if (result.Sources.Count == 0 && !result.HasErrors)
        {
            result.SkipReason = "a GPMC report with no Windows Hello for Business setting";
        }

        return result.Build();
    }

    /// <summary>Cheap sniff before parsing: an XML document that uses the GPMC settings namespace.</summary>
    private static bool LooksLikeReport(ReadOnlySpan<byte> span)
    {
        var first = TextDecoding.FirstNonWhitespace(span);
        return first >= 0 && span[first] == (byte)'<' && span.IndexOf("http://www.microsoft.com/GroupPolicy/Settings"u8) >= 0;
    }

    private static PolicySourceBuilder ReadGpo(XmlElementNode gpo, IReadOnlyList<DecodedDocument> backupPols, ReadResultBuilder result)
    {
        var identifier = gpo.Child("Identifier");
        var nameNode = gpo.Child("Name");
        var links = gpo.ChildrenNamed("LinksTo").Select(ReadLink).ToList();
        var info = new GroupPolicyInfo
        {
            Guid = identifier?.Children.FirstOrDefault(c => c.LocalName == "Identifier")?.Text,
            Domain = identifier?.ChildText("Domain"),
            ComputerEnabled = !IsFalse(gpo.Child("Computer")?.ChildText("Enabled")),
            UserEnabled = !IsFalse(gpo.Child("User")?.ChildText("Enabled")),
            WmiFilterName = gpo.ChildText("FilterName"),
            Links = links,
            // A GPMC report always lists the GPO's links: none listed means it is linked nowhere.
            LinksKnown = true,
        };
        var source = new PolicySourceBuilder(SourceKind.GroupPolicy, nameNode?.Text ?? info.Guid ?? "(unnamed GPO)", nameNode?.TextLocation ?? gpo.Location)
        {
            Id = info.Guid,
            GroupPolicy = info,
        };
        foreach (var link in links.Where(l => l.Enabled))
        {
            source.AddAssignment(new Assignment(AssignmentTargetKind.GpoLink, GroupName: link.SomPath, Location: link.Location));
        }

        foreach (var (sectionName, scope) in new[] { ("Computer", PolicyScope.Device), ("User", PolicyScope.User) })
        {
            var notApplied = GpoSettings.NotAppliedReason(info, scope);
            var pol = backupPols.FirstOrDefault(p => GpoBackupLayout.ScopeOfFolder(p.Name) == scope);
            if (pol is not null)
            {
                var parsed = RegistryPolFile.Parse(pol.RawSpan);
                GpoSettings.ReportProblems(parsed, pol.DisplayPath, result);
                GpoSettings.AddFromRegistryPol(source, parsed, pol.DisplayPath, scope, notApplied, result);
                continue;
            }

            if (gpo.Child(sectionName) is { } section)
            {
                ReadSection(section, source, scope, notApplied, result);
            }
        }

        return source;
    }

    private static GroupPolicyLink ReadLink(XmlElementNode link)
    {
        var order = link.ChildText("LinkOrder") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var pathNode = link.Child("SOMPath");
        return new GroupPolicyLink(
            pathNode?.Text ?? link.ChildText("SOMName") ?? string.Empty,
            link.ChildText("SOMName"),
            Enabled: !IsFalse(link.ChildText("Enabled")),
            Enforced: IsTrue(link.ChildText("NoOverride")),
            LinkOrder: order,
            Location: pathNode?.TextLocation ?? link.Location);
    }

    private static void ReadSection(XmlElementNode section, PolicySourceBuilder source, PolicyScope scope, string? notApplied, ReadResultBuilder result)
    {
        foreach (var element in section.Descendants().Where(e => e.NamespaceUri == RegistryNamespace))
        {
            if (element.LocalName == "Policy")
            {
                ReadPolicy(element, source, scope, notApplied, result);
            }
            else if (element.LocalName == "RegistrySetting")
            {
                ReadRegistrySetting(element, source, scope, notApplied, result);
            }
        }
    }

    private static void ReadPolicy(XmlElementNode policy, PolicySourceBuilder source, PolicyScope scope, string? notApplied, ReadResultBuilder result)
    {
        var nameNode = policy.Child("Name");
        var name = nameNode?.Text;
        if (name is null)
        {
            return;
        }

        var category = policy.ChildText("Category");
        var definition = GpoPolicyMap.Find(name);
        if (definition is not null && definition.RequiresWhfbCategory && category is not null && !GpoPolicyMap.IsWhfbCategory(category))
        {
            // A generic name ("History", "Expiration") in some other category is another policy.
            definition = null;
        }

        if (definition is null)
        {
            if (GpoPolicyMap.IsWhfbCategory(category))
            {
                result.Problems.Add(ReadProblem.Note(nameNode!.TextLocation,
                    $"the policy '{name}' in category '{category}' ({GpoSettings.SectionName(scope)}) is not one PolicyLint recognises in English, German or French; its value was not read (lint the GPO backup so registry.pol gives the language-neutral values)"));
            }

            return;
        }

        if (definition.Node is null)
        {
            return;
        }

        var stateNode = policy.Child("State");
        var state = StateOf(stateNode?.Text);
        if (state is null)
        {
            result.Problems.Add(ReadProblem.Note(stateNode?.TextLocation ?? nameNode!.TextLocation,
                $"the policy '{name}' has the state '{stateNode?.Text}', which PolicyLint does not recognise (expected Enabled, Disabled or Not configured); its value was not read"));
            return;
        }

        if (state == PolicyState.NotConfigured)
        {
            return;
        }

        var valueLocation = stateNode!.TextLocation;
        NodeValues.Conversion conversion;
        string raw;
        if (state == PolicyState.Enabled && definition.ValueFromNumeric)
        {
            var numeric = policy.Child("Numeric")?.Child("Value") ?? policy.Child("EditText")?.Child("Value");
            if (numeric is null)
            {
                conversion = new(PolicyValue.None, SettingProblem.MalformedValue, $"the policy '{name}' is Enabled but the report has no number for it");
                raw = string.Empty;
            }
            else
            {
                conversion = NodeValues.FromText(definition.Node, numeric.Text);
                raw = numeric.Text;
                valueLocation = numeric.TextLocation;
            }
        }
        else
        {
            var number = state == PolicyState.Enabled ? definition.EnabledValue : definition.DisabledValue;
            if (number is null)
            {
                // Disabled deletes the value: the node is left at its default, as if not configured.
                return;
            }

            conversion = NodeValues.FromInteger(definition.Node, number.Value);
            raw = stateNode.Text;
        }

        source.Add(GpoSettings.Create(definition.Node, scope, conversion, name, raw, valueLocation, nameNode!.TextLocation, notApplied));
        if (state != PolicyState.Enabled)
        {
            return;
        }

        foreach (var checkBox in policy.ChildrenNamed("CheckBox"))
        {
            var labelNode = checkBox.Child("Name");
            var option = labelNode is null ? null : definition.CheckBoxes.FirstOrDefault(o => GpoPolicyMap.LabelMatches(o.Labels, labelNode.Text));
            var boxState = checkBox.Child("State");
            if (option is null || StateOf(boxState?.Text) is not ({ } checkedState and not PolicyState.NotConfigured))
            {
                continue;
            }

            source.Add(GpoSettings.Create(option.Node, scope, NodeValues.FromInteger(option.Node, checkedState == PolicyState.Enabled ? 1 : 0),
                $"{name} / {labelNode!.Text}", boxState!.Text, boxState.TextLocation, labelNode.TextLocation, notApplied));
        }
    }

    /// <summary>"Extra Registry Settings": raw values the report lists under their key, matched by registry data.</summary>
    private static void ReadRegistrySetting(XmlElementNode setting, PolicySourceBuilder source, PolicyScope scope, string? notApplied, ReadResultBuilder result)
    {
        var key = setting.ChildText("KeyPath");
        var value = setting.Child("Value");
        var valueName = value?.Child("Name");
        if (key is null || value is null || valueName is null)
        {
            return;
        }

        var written = $@"{GpoSettings.Hive(scope)}\{key.Trim('\\')}\{valueName.Text}";
        var node = PassportForWorkCatalog.FindByGpoRegistry(key, valueName.Text);
        if (node is null)
        {
            if (GpoPolicyMap.IsPassportForWorkKey(key) && !GpoPolicyMap.IsGpoOnlyValue(key, valueName.Text))
            {
                result.Problems.Add(ReadProblem.Note(valueName.TextLocation, $"{written} is under the Windows Hello for Business policy key but is not a value PolicyLint knows; it was not read"));
            }

            return;
        }

        var numberNode = value.Child("Number");
        var textNode = value.Child("String");
        long? number = numberNode is not null && long.TryParse(numberNode.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        var conversion = numberNode is not null && number is null
            ? new NodeValues.Conversion(PolicyValue.None, SettingProblem.MalformedValue, $"'{numberNode.Text}' is not a number")
            : GpoSettings.Convert(node, number, textNode?.Text);
        var valueNode = numberNode ?? textNode ?? valueName;
        source.Add(GpoSettings.Create(node, scope, conversion, written, valueNode.Text, valueNode.TextLocation, valueName.TextLocation, notApplied));
    }

    private enum PolicyState
    {
        Enabled,
        Disabled,
        NotConfigured,
    }

    private static PolicyState? StateOf(string? text) => GpoPolicyMap.Normalize(text ?? string.Empty) switch
    {
        "enabled" => PolicyState.Enabled,
        "disabled" => PolicyState.Disabled,
        "notconfigured" or "not configured" => PolicyState.NotConfigured,
        _ => null,
    };

    private static bool IsFalse(string? text) => string.Equals(text?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(string? text) => string.Equals(text?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
