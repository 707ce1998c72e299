using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Model;

namespace PolicyLint.Analysis;

/// <summary>What an analyzer registers: actions run per setting, per source, or once on the effective policy.</summary>
public sealed class PolicyAnalysisContext
{
    private readonly List<Action<SettingAnalysisContext>> _settingActions = [];
    private readonly List<Action<SourceAnalysisContext>> _sourceActions = [];
    private readonly List<Action<EffectivePolicyAnalysisContext>> _policyActions = [];

    public void RegisterSettingAction(Action<SettingAnalysisContext> action) => _settingActions.Add(action);

    public void RegisterSourceAction(Action<SourceAnalysisContext> action) => _sourceActions.Add(action);

    public void RegisterEffectivePolicyAction(Action<EffectivePolicyAnalysisContext> action) => _policyActions.Add(action);

    public IReadOnlyList<Action<SettingAnalysisContext>> SettingActions => _settingActions;

    public IReadOnlyList<Action<SourceAnalysisContext>> SourceActions => _sourceActions;

    public IReadOnlyList<Action<EffectivePolicyAnalysisContext>> EffectivePolicyActions => _policyActions;
}

/// <summary>Property keys that PolicyLint attaches to each diagnostic, read by the writers.</summary>
public static class DiagnosticProperties
{
    /// <summary>Display name of the policy source the finding is about (shown as <c>[name]</c> in text output).</summary>
    public const string SourceName = "policylint.source";

    /// <summary>"bytes" when the location is a byte range in a binary file (Registry.pol).</summary>
    public const string RegionKind = "policylint.region";

    /// <summary>
    /// Stable identity of what the finding is about, used for SARIF partialFingerprints when the finding carries no
    /// <see cref="Fingerprint"/> (a read error, or a custom rule that builds its diagnostic itself).
    /// </summary>
    public const string Subject = "policylint.subject";

    /// <summary>
    /// The finding's fingerprint (<see cref="FindingSubject.Fingerprint"/> of the rule and the subject), computed when
    /// it is reported: a subject names every source involved and can be long, the fingerprint is 32 characters.
    /// </summary>
    public const string Fingerprint = "policylint.fingerprint";

    /// <summary>
    /// How many levels below the rule's effective level (its default, or the level .policylint.yml sets) this finding
    /// is reported, as an invariant integer ("1": an error rule reports a warning). The finalize stage applies it and
    /// never goes below note. Used for possible overlap, unassigned sources and PL4001's braces.
    /// </summary>
    public const string LevelOffset = "policylint.levelOffset";
}

/// <summary>Shared reporting for the three action contexts.</summary>
public abstract class AnalysisContextBase
{
    private readonly Action<Diagnostic> _report;

    protected AnalysisContextBase(EffectivePolicy policy, Action<Diagnostic> report, TenantFacts? tenant = null)
    {
        Policy = policy;
        _report = report;
        Tenant = tenant ?? TenantFacts.Unknown;
    }

    /// <summary>The resolved policy of the whole input set (available to every action).</summary>
    public EffectivePolicy Policy { get; }

    /// <summary>What <c>.policylint.yml</c> says about the tenant being analyzed (<see cref="TenantFacts.Unknown"/> when nothing).</summary>
    public TenantFacts Tenant { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);

    /// <summary>Reports at <paramref name="location"/>, naming <paramref name="source"/> and the finding's subject.</summary>
    public void Report(
        DiagnosticDescriptor descriptor,
        SourceLocation location,
        PolicySource? source,
        string subject,
        IEnumerable<SourceLocation>? additionalLocations = null,
        params object?[] messageArgs) =>
        ReportBelow(0, descriptor, location, source, subject, additionalLocations, messageArgs);

    /// <summary>
    /// As <see cref="Report(DiagnosticDescriptor, SourceLocation, PolicySource?, string, IEnumerable{SourceLocation}?, object?[])"/>,
    /// <paramref name="levelsBelow"/> levels below the rule's effective level (see <see cref="DiagnosticProperties.LevelOffset"/>).
    /// </summary>
    public void ReportBelow(
        int levelsBelow,
        DiagnosticDescriptor descriptor,
        SourceLocation location,
        PolicySource? source,
        string subject,
        IEnumerable<SourceLocation>? additionalLocations = null,
        params object?[] messageArgs)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (levelsBelow > 0)
        {
            properties[DiagnosticProperties.LevelOffset] = levelsBelow.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (source is not null)
        {
            properties[DiagnosticProperties.SourceName] = source.DisplayName;
        }

        if (location.IsBinary)
        {
            properties[DiagnosticProperties.RegionKind] = "bytes";
        }

        // With a source, the fingerprint depends on the rule and the subject alone: it is computed now, and the
        // subject (every source's identity, sorted) is not kept until the report is written.
        if (source is not null)
        {
            properties[DiagnosticProperties.Fingerprint] = FindingSubject.Fingerprint(descriptor.Id, subject);
        }
        else
        {
            properties[DiagnosticProperties.Subject] = subject;
        }

        List<Location>? related = null;
        if (additionalLocations is not null)
        {
            // A loop, not Select over the SourceLocation struct: that would be JIT-compiled at every start.
            related = [];
            foreach (var additional in additionalLocations)
            {
                related.Add(additional.ToRoslyn());
            }
        }

        var arguments = new object?[messageArgs.Length];
        for (var i = 0; i < messageArgs.Length; i++)
        {
            arguments[i] = CompactText.From(messageArgs[i]);
        }

        _report(Diagnostic.Create(descriptor, location.ToRoslyn(), related, properties.ToImmutable(), arguments));
    }

    /// <summary>Reports at a setting's value, naming its source.</summary>
    public void Report(DiagnosticDescriptor descriptor, PolicySetting setting, params object?[] messageArgs) =>
        Report(descriptor, setting.Location, setting.Source, FindingSubject.Of($"{setting.Node?.Id ?? setting.WrittenName}|{setting.Scope}", setting.Source), null, messageArgs);
}

public sealed class SettingAnalysisContext : AnalysisContextBase
{
    public SettingAnalysisContext(PolicySetting setting, EffectivePolicy policy, Action<Diagnostic> report, TenantFacts? tenant = null)
        : base(policy, report, tenant) => Setting = setting;

    public PolicySetting Setting { get; }
}

public sealed class SourceAnalysisContext : AnalysisContextBase
{
    public SourceAnalysisContext(PolicySource source, EffectivePolicy policy, Action<Diagnostic> report, TenantFacts? tenant = null)
        : base(policy, report, tenant) => Source = source;

    public PolicySource Source { get; }
}

public sealed class EffectivePolicyAnalysisContext : AnalysisContextBase
{
    public EffectivePolicyAnalysisContext(EffectivePolicy policy, Action<Diagnostic> report, TenantFacts? tenant = null)
        : base(policy, report, tenant)
    {
    }
}
