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
/// <c>.policylint.yml</c>: tenant folders, per-rule levels, and suppressions with a justification and an expiry date.
/// Paths in it are relative to the file's folder.
/// </summary>
public sealed class PolicyLintConfig
{
    public const string FileName = ".policylint.yml";

    public static PolicyLintConfig Empty { get; } = new() { Directory = null };

    /// <summary>Folder of the configuration file; null for the built-in defaults.</summary>
    public string? Directory { get; init; }

    public string? FilePath { get; init; }

    /// <summary>Absolute folders whose policies form separate tenants (never overlap with each other's).</summary>
    public IReadOnlyList<string> TenantFolders { get; init; } = [];

    /// <summary>Rule id to level: error, warning, note, or none (off).</summary>
    public IReadOnlyDictionary<string, string> RuleLevels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>
    /// Baseline repositories: treat every source the export says is unassigned (<c>"assignments": []</c>) as assigned to
    /// all devices, so policies about to be assigned are checked against each other at full level.
    /// </summary>
    public bool AssumeAssigned { get; init; }

    /// <summary>What the configuration says about the tenant in <paramref name="tenantFolder"/> ("" for files outside every tenant folder).</summary>
    public TenantFacts FactsFor(string tenantFolder) => new() { AssumeAssigned = AssumeAssigned };

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

        var tenants = new List<string>();
        var levels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var suppressions = new List<Suppression>();
        var assumeAssigned = false;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "tenants":
                    foreach (var item in Sequence(path, value, key))
                    {
                        tenants.Add(Path.GetFullPath(Scalar(path, item, "a tenant folder"), directory).TrimEnd(Path.DirectorySeparatorChar));
                    }

                    break;
                case "rules":
                    foreach (var (idNode, levelNode) in Mapping(path, value, key).Children)
                    {
                        var level = Scalar(path, levelNode, "a level").ToLowerInvariant();
                        if (!Levels.TryParse(level, out _))
                        {
                            throw Error(path, levelNode, $"level '{level}' for {Scalar(path, idNode, "a rule id")}: expected error, warning, note or none");
                        }

                        levels[Scalar(path, idNode, "a rule id")] = level;
                    }

                    break;
                case "suppressions":
                    foreach (var item in Sequence(path, value, key))
                    {
                        suppressions.Add(ReadSuppression(path, Mapping(path, item, "a suppression")));
                    }

                    break;
                case "assumeAssigned":
                    assumeAssigned = Scalar(path, value, "true or false") switch
                    {
                        "true" => true,
                        "false" => false,
                        var other => throw Error(path, value, $"assumeAssigned is '{other}': expected true or false"),
                    };
                    break;
                default:
                    throw Error(path, keyNode, $"unknown key '{key}': expected tenants, rules, suppressions or assumeAssigned");
            }
        }

        return new PolicyLintConfig
        {
            Directory = directory,
            FilePath = path,
            TenantFolders = tenants,
            RuleLevels = levels,
            AssumeAssigned = assumeAssigned,
            Suppressions = suppressions.Select(s => s with { PathGlob = s.PathGlob is null ? null : Path.GetFullPath(s.PathGlob, directory).Replace('\\', '/') }).ToList(),
        };
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
