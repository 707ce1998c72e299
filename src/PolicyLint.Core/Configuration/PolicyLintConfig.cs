using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Configuration;

/// <summary>A configuration file that cannot be used, with where the problem is.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
    }
}

/// <summary>An exception to a rule: which rule, which files (and optionally which policy), why, and until when.</summary>
public sealed record Suppression(string RuleId, string? PathGlob, string? Policy, string Justification, DateOnly? ExpiresOn, int Line)
{
    public bool IsExpired(DateOnly today) => ExpiresOn is { } date && date < today;
}

/// <summary>
/// <c>.policylint.yml</c>: tenant folders, what the admin knows about each tenant (<see cref="TenantFacts"/>: top-level
/// keys are the defaults, an entry of <c>tenants:</c> may set its own), per-rule levels and options, and suppressions
/// with a justification and an expiry date. Paths in it are relative to the file's folder. docs/configuration.md
/// describes every key.
/// </summary>
public sealed class PolicyLintConfig
{
    public const string FileName = ".policylint.yml";

    /// <summary>The keys that describe a tenant, allowed at the top level (defaults) and in an entry of <c>tenants:</c>.</summary>
    public static IReadOnlyList<string> FactKeys { get; } =
        ["tenantId", "cloud", "expectedTrustModel", "joinType", "federated", "federationHosts", "minimumWindowsBuild", "assumeAssigned"];

    /// <summary><c>expectedTrustModel</c>'s names, in <see cref="TrustModel"/> order.</summary>
    public static IReadOnlyList<string> TrustModelNames { get; } = ["cloudKerberos", "key", "certificate"];

    /// <summary><c>joinType</c>'s names, in <see cref="Analysis.JoinType"/> order.</summary>
    public static IReadOnlyList<string> JoinTypeNames { get; } = ["entra", "hybrid", "both"];

    private static readonly string[] TopLevelKeys = ["tenants", "rules", "suppressions", .. FactKeys];

    private static readonly string[] TenantKeys = ["path", .. FactKeys, "rules"];

    public static PolicyLintConfig Empty { get; } = new() { Directory = null };

    /// <summary>Folder of the configuration file; null for the built-in defaults.</summary>
    public string? Directory { get; init; }

    public string? FilePath { get; init; }

    /// <summary>Absolute folders whose policies form separate tenants (never overlap with each other's).</summary>
    public IReadOnlyList<string> TenantFolders { get; init; } = [];

    /// <summary>Rule id to level: error, warning, note, or none (off). Levels apply to the whole run, never per tenant.</summary>
    public IReadOnlyDictionary<string, string> RuleLevels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>The top-level facts: what every tenant gets unless its entry of <c>tenants:</c> says otherwise.</summary>
    public TenantFacts Defaults { get; init; } = TenantFacts.Unknown;

    /// <summary>Tenant folder (absolute, as in <see cref="TenantFolders"/>) to its facts, the defaults merged with its own.</summary>
    public IReadOnlyDictionary<string, TenantFacts> TenantFactsByFolder { get; init; } = new Dictionary<string, TenantFacts>(StringComparer.Ordinal);

    /// <summary>
    /// The top-level <c>assumeAssigned</c> (the default for every tenant). Each tenant's own value is
    /// <c>FactsFor(folder).AssumeAssigned</c>, which the reconcile stage reads.
    /// </summary>
    public bool AssumeAssigned
    {
        get => Defaults.AssumeAssigned;
        init => Defaults = Defaults with { AssumeAssigned = value };
    }

    /// <summary>What the configuration says about the tenant in <paramref name="tenantFolder"/> ("" for files outside every tenant folder): its own keys over the top-level ones.</summary>
    public TenantFacts FactsFor(string tenantFolder) =>
        TenantFactsByFolder.TryGetValue(tenantFolder, out var facts) ? facts : Defaults;

    /// <summary>The rule's configured severity, null when it is turned off, or the descriptor's default.</summary>
    public DiagnosticSeverity? SeverityFor(string ruleId, DiagnosticSeverity defaultSeverity) =>
        RuleLevels.TryGetValue(ruleId, out var level) && Levels.TryParse(level, out var severity) ? severity : defaultSeverity;

    /// <summary>The folder of the tenant that holds the file, or "" when no tenant folder is configured for it.</summary>
    public string TenantOf(string fullPath)
    {
        foreach (var folder in TenantFolders)
        {
            if (fullPath.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || fullPath == folder)
            {
                return folder;
            }
        }

        return string.Empty;
    }

    /// <summary>The suppression that covers a finding (rule, file, policy), if any and not expired.</summary>
    public Suppression? FindSuppression(string ruleId, string fullPath, string? policyName, DateOnly today)
    {
        foreach (var suppression in Suppressions)
        {
            if (!string.Equals(suppression.RuleId, ruleId, StringComparison.OrdinalIgnoreCase) || suppression.IsExpired(today))
            {
                continue;
            }

            if (suppression.Policy is not null && !string.Equals(suppression.Policy, policyName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (suppression.PathGlob is not null && !GlobMatches(suppression.PathGlob, fullPath))
            {
                continue;
            }

            return suppression;
        }

        return null;
    }

    /// <summary>
    /// Finds the configuration for a run: the first <c>.policylint.yml</c> in the folder of each linted path or above it,
    /// then in the working directory or above it.
    /// </summary>
    public static string? Discover(IEnumerable<string> paths, string workingDirectory)
    {
        foreach (var start in paths.Select(p => Path.GetFullPath(p, workingDirectory)).Append(workingDirectory))
        {
            var directory = System.IO.Directory.Exists(start) ? new DirectoryInfo(start) : new FileInfo(start).Directory;
            for (; directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <exception cref="ConfigException">The file cannot be read or is not valid.</exception>
    public static PolicyLintConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the configuration: {ex.Message}");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ConfigException($"{path}({ex.Start.Line},{ex.Start.Column}): invalid YAML: {ex.Message}");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode)
        {
            return new PolicyLintConfig { Directory = directory, FilePath = path };
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(path, stream.Documents[0].RootNode, "expected a mapping with 'tenants', 'rules' and 'suppressions'");
        }

        var levels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var suppressions = new List<Suppression>();
        var defaults = TenantFacts.Unknown;
        YamlNode? tenantsNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Scalar(path, keyNode, "a key");
            switch (key)
            {
                case "tenants":
                    tenantsNode = value;
                    break;
                case "rules":
                    defaults = ReadRules(path, value, defaults, levels);
                    break;
                case "suppressions":
                    foreach (var item in Sequence(path, value, key))
                    {
                        suppressions.Add(ReadSuppression(path, Mapping(path, item, "a suppression")));
                    }

                    break;
                default:
                    defaults = ReadFact(path, key, value, defaults)
                        ?? throw Error(path, keyNode, $"unknown key '{key}': expected one of {string.Join(", ", TopLevelKeys)}");
                    break;
            }
        }

        // Tenants are read last: their own keys go over the top-level ones wherever those are written in the file.
        var tenants = new List<string>();
        var factsByFolder = new Dictionary<string, TenantFacts>(StringComparer.Ordinal);
        if (tenantsNode is not null)
        {
            foreach (var item in Sequence(path, tenantsNode, "tenants"))
            {
                var (folder, facts) = ReadTenant(path, directory, item, defaults);
                if (factsByFolder.ContainsKey(folder))
                {
                    throw Error(path, item, $"the tenant folder '{Path.GetRelativePath(directory, folder)}' is listed twice");
                }

                tenants.Add(folder);
                factsByFolder[folder] = facts;
            }
        }

        return new PolicyLintConfig
        {
            Directory = directory,
            FilePath = path,
            TenantFolders = tenants,
            RuleLevels = levels,
            Defaults = defaults,
            TenantFactsByFolder = factsByFolder,
            Suppressions = suppressions.Select(s => s with { PathGlob = s.PathGlob is null ? null : Path.GetFullPath(s.PathGlob, directory).Replace('\\', '/') }).ToList(),
        };
    }

    /// <summary>An entry of <c>tenants:</c>: a folder, or a mapping with <c>path</c> and the tenant's own facts and rule options.</summary>
    private static (string Folder, TenantFacts Facts) ReadTenant(string path, string directory, YamlNode item, TenantFacts defaults)
    {
        if (item is YamlScalarNode)
        {
            return (FolderOf(Scalar(path, item, "a tenant folder"), directory), defaults);
        }

        if (item is not YamlMappingNode mapping)
        {
            throw Error(path, item, "a tenant is a folder name, or a mapping with 'path' and the tenant's own keys");
        }

        string? folder = null;
        var facts = defaults;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = Scalar(path, keyNode, "a key");
            switch (key)
            {
                case "path":
                    folder = FolderOf(Scalar(path, value, "the tenant's folder"), directory);
                    break;
                case "rules":
                    facts = ReadRules(path, value, facts, levels: null);
                    break;
                default:
                    facts = ReadFact(path, key, value, facts)
                        ?? throw Error(path, keyNode, $"unknown key '{key}' in a tenant: expected one of {string.Join(", ", TenantKeys)}");
                    break;
            }
        }

        return folder is null
            ? throw Error(path, mapping, "a tenant written as a mapping needs 'path' (its folder, e.g. path: contoso)")
            : (folder, facts);
    }

    private static string FolderOf(string text, string directory) =>
        Path.GetFullPath(text, directory).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>
    /// <c>rules:</c>: each rule id takes a level (<c>PL2001: warning</c>) or a mapping of an optional <c>level</c> and the
    /// rule's options. Levels apply to the whole run, so a tenant's <c>rules:</c> (<paramref name="levels"/> null) takes
    /// options only.
    /// </summary>
    private static TenantFacts ReadRules(string path, YamlNode node, TenantFacts facts, Dictionary<string, string>? levels)
    {
        var options = facts.RuleOptions;
        foreach (var (idNode, ruleNode) in Mapping(path, node, "rules").Children)
        {
            var id = Scalar(path, idNode, "a rule id");
            if (ruleNode is YamlScalarNode)
            {
                if (levels is null)
                {
                    throw TenantLevel(path, ruleNode, id);
                }

                levels[id] = ReadLevel(path, ruleNode, id);
                continue;
            }

            if (ruleNode is not YamlMappingNode ruleMapping)
            {
                throw Error(path, ruleNode, $"{id}: expected a level (error, warning, note or none) or a mapping of 'level' and the rule's options");
            }

            var ruleOptions = options.TryGetValue(id, out var existing)
                ? existing
                : ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
            foreach (var (optionNode, valueNode) in ruleMapping.Children)
            {
                var option = Scalar(path, optionNode, "an option name");
                if (option == "level")
                {
                    if (levels is null)
                    {
                        throw TenantLevel(path, optionNode, id);
                    }

                    levels[id] = ReadLevel(path, valueNode, id);
                    continue;
                }

                var text = Scalar(path, valueNode, $"the value of {id} {option} (text, a number or true/false)");
                if (RuleOptionTable.Declared.TryGetValue(id, out var declared))
                {
                    var known = declared.FirstOrDefault(d => d.Name == option)
                        ?? throw Error(path, optionNode, $"unknown option '{option}' for {id}: expected level or {string.Join(", ", declared.Select(d => d.Name))}");
                    if (known.Check(text) is { } problem)
                    {
                        throw Error(path, valueNode, $"{id} {option} is '{text}': {problem}");
                    }
                }
                else if (RuleOptionTable.IsBuiltIn(id))
                {
                    throw Error(path, optionNode, $"unknown option '{option}' for {id}: {id} takes no options, only level");
                }

                ruleOptions = ruleOptions.SetItem(option, text);
            }

            options = ruleOptions.Count > 0 ? options.SetItem(id, ruleOptions) : options;
        }

        return facts with { RuleOptions = options };
    }

    private static ConfigException TenantLevel(string path, YamlNode node, string id) =>
        Error(path, node, $"a tenant's rules take options only: set the level of {id} under the top-level 'rules:' (levels apply to the whole run)");

    private static string ReadLevel(string path, YamlNode node, string id)
    {
        var level = Scalar(path, node, "a level").ToLowerInvariant();
        return Levels.TryParse(level, out _)
            ? level
            : throw Error(path, node, $"level '{level}' for {id}: expected error, warning, note or none");
    }

    /// <summary>One of <see cref="FactKeys"/> applied over <paramref name="facts"/>, or null when <paramref name="key"/> is not one.</summary>
    private static TenantFacts? ReadFact(string path, string key, YamlNode value, TenantFacts facts)
    {
        switch (key)
        {
            case "tenantId":
                return facts with { TenantId = ReadTenantId(path, value) };
            case "cloud":
                {
                    var text = Scalar(path, value, "a cloud name");
                    return facts with
                    {
                        Cloud = CloudNames.Find(text)
                            ?? throw Error(path, value, $"unknown cloud '{text}': expected one of {string.Join(", ", CloudNames.All)} (the names of pull --cloud)"),
                    };
                }

            case "expectedTrustModel":
                return facts with { ExpectedTrustModel = (TrustModel)OneOf(path, value, key, TrustModelNames) };
            case "joinType":
                return facts with { JoinType = (JoinType)OneOf(path, value, key, JoinTypeNames) };
            case "federated":
                return facts with { Federated = Boolean(path, value, key) };
            case "federationHosts":
                return facts with { FederationHosts = [.. Sequence(path, value, key).Select(item => ReadHost(path, item))] };
            case "minimumWindowsBuild":
                return facts with { MinimumWindowsBuild = ReadBuild(path, value) };
            case "assumeAssigned":
                return facts with { AssumeAssigned = Boolean(path, value, key) };
            default:
                return null;
        }
    }

    private static string ReadTenantId(string path, YamlNode value)
    {
        // Unquoted, {9b6e...} is a YAML flow mapping with one key: the same mistake as braces in quotes.
        if (value is YamlMappingNode { Children.Count: 1 } braces && braces.Children.Single() is ({ } onlyKey, YamlScalarNode { Value: null or "" })
            && onlyKey is YamlScalarNode { Value: { } inner } && Guid.TryParseExact(inner, "D", out _))
        {
            throw Error(path, value, $"tenantId '{{{inner}}}' is in braces: write the GUID without them ({inner})");
        }

        var text = Scalar(path, value, "the Entra tenant ID (a GUID)").Trim();
        if (Guid.TryParseExact(text, "D", out var id))
        {
            return id.ToString("D");
        }

        if (text.StartsWith('{') && text.EndsWith('}') && Guid.TryParseExact(text[1..^1], "D", out _))
        {
            throw Error(path, value, $"tenantId '{text}' is in braces: write the GUID without them ({text[1..^1]})");
        }

        var looksLikePlaceholder = text.Contains("tenant", StringComparison.OrdinalIgnoreCase) || text.IndexOfAny(['{', '<', '[']) >= 0;
        throw Error(path, value, looksLikePlaceholder
            ? $"tenantId '{text}' is a placeholder, not a GUID: use your Entra tenant ID (Microsoft Entra admin center, Overview), e.g. 9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a"
            : $"tenantId '{text}' is not a GUID: expected the Entra tenant ID like 9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a");
    }

    private static string ReadHost(string path, YamlNode item)
    {
        var text = Scalar(path, item, "a host name").Trim();
        if (Uri.CheckHostName(text) == UriHostNameType.Dns)
        {
            return text.ToLowerInvariant();
        }

        var hint = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? $" (write {uri.Host})" : string.Empty;
        throw Error(path, item, $"federation host '{text}' is not a host name: expected a name like adfs.contoso.com, without https:// or a path{hint}");
    }

    private static System.Version ReadBuild(string path, YamlNode value)
    {
        var text = Scalar(path, value, "a Windows build");
        return System.Version.TryParse(text, out var version) && version.Build >= 0 && version.Major == 10 && version.Minor == 0
            ? version
            : throw Error(path, value, $"minimumWindowsBuild '{text}' is not a Windows build: expected 10.0.<build>, e.g. 10.0.19045 (Windows 10 22H2) or 10.0.26100 (Windows 11 24H2)");
    }

    private static bool Boolean(string path, YamlNode value, string key) =>
        Scalar(path, value, "true or false").ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            var other => throw Error(path, value, $"{key} is '{((YamlScalarNode)value).Value}': expected true or false"),
        };

    private static int OneOf(string path, YamlNode value, string key, IReadOnlyList<string> names)
    {
        var text = Scalar(path, value, $"one of {string.Join(", ", names)}");
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw Error(path, value, $"unknown {key} '{text}': expected one of {string.Join(", ", names)}");
    }

    private static Suppression ReadSuppression(string path, YamlMappingNode node)
    {
        string? Get(string name) => node.Children.TryGetValue(new YamlScalarNode(name), out var v) ? Scalar(path, v, name) : null;
        var rule = Get("rule") ?? throw Error(path, node, "a suppression needs 'rule' (e.g. rule: PL4001)");
        var justification = Get("justification");
        if (string.IsNullOrWhiteSpace(justification))
        {
            throw Error(path, node, $"the suppression of {rule} needs a 'justification' saying why the finding is accepted");
        }

        DateOnly? expires = null;
        if (Get("expiresOn") is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Error(path, node, $"expiresOn '{text}' of the {rule} suppression: expected a date like 2027-03-31");
            }

            expires = date;
        }

        return new Suppression(rule, Get("path"), Get("policy"), justification, expires, (int)node.Start.Line);
    }

    private static IEnumerable<YamlNode> Sequence(string path, YamlNode node, string what) =>
        node is YamlSequenceNode sequence ? sequence.Children : throw Error(path, node, $"'{what}' must be a list");

    private static YamlMappingNode Mapping(string path, YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(path, node, $"'{what}' must be a mapping");

    private static string Scalar(string path, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(path, node, $"expected {what} as plain text");

    private static ConfigException Error(string path, YamlNode node, string message) =>
        new($"{path}({node.Start.Line},{node.Start.Column}): {message}");

    /// <summary>Glob over '/'-separated absolute paths: ** crosses folders, * and ? stay within one.</summary>
    public static bool GlobMatches(string glob, string fullPath)
    {
        var pattern = "^" + Regex.Escape(glob.Replace('\\', '/'))
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(fullPath.Replace('\\', '/'), pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
