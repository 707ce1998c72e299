using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// PIN recovery is on for Microsoft Entra joined devices whose sign-in leaves Microsoft's default hosts (a federation
/// service, or the US Government cloud), and no Authentication/ConfigureWebSignInAllowedUrls for the same devices lists
/// the hosts PIN reset has to open: users who select "I forgot my PIN" see "We can't open that page right now".
/// Needs <c>joinType</c> (entra or both) and <c>federated</c>/<c>federationHosts</c> or a US Government <c>cloud</c>
/// in <c>.policylint.yml</c>; silent without them.
/// </summary>
public sealed class PL5005_PinRecoveryNeedsAllowedUrls : PolicyAnalyzer
{
    /// <summary>The host PIN reset needs in the allow list in Azure US Government (Microsoft: PIN reset).</summary>
    public const string UsGovernmentSignInHost = "login.microsoftonline.us";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.PinRecoveryNeedsAllowedUrls,
        "PIN recovery on Entra joined devices needs allowed web sign-in URLs",
        "EnablePinRecovery is true in {0} ({1}), and {2}, but {3}{4}: PIN reset on Microsoft Entra joined devices runs in web sign-in, which only opens allowed domains, so users who select 'I forgot my PIN' see \"We can't open that page right now\" and cannot reset their PIN; {5}.",
        RuleCategories.Deployment,
        DiagnosticSeverity.Warning,
        "On Microsoft Entra joined devices, PIN reset authenticates the user above the lock screen through web sign-in, which only navigates to allowed domains. With a federated identity provider (AD FS or a third party), or in Azure US Government, the sign-in page is on a domain outside the default list, so the allowed domains must be configured with the Authentication/ConfigureWebSignInAllowedUrls policy.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var tenant = context.Tenant;
        // Hybrid joined devices reset the PIN without web sign-in; unknown join type: no guess (a wrong finding is
        // worse than none).
        if (tenant.JoinType is not (JoinType.Entra or JoinType.Both))
        {
            return;
        }

        var needs = Needs.From(tenant);
        if (needs is null)
        {
            return;
        }

        var recovery = new List<PolicySetting>();
        var complete = new StrongestOverlap();
        var incomplete = new StrongestOverlap();
        var anyComplete = false;
        foreach (var source in context.Policy.Sources)
        {
            foreach (var setting in source.Settings)
            {
                if (!Configured(setting))
                {
                    continue;
                }

                if (setting.Node == PassportForWorkCatalog.EnablePinRecovery && setting.Value.IsTrue
                    && !source.IsGroupPolicy && context.Policy.ShadowingOf(setting) is null)
                {
                    // Group Policy reaches domain-joined (hybrid) devices only, which reset the PIN without web sign-in.
                    recovery.Add(setting);
                }
                else if (setting.Node == PassportForWorkCatalog.ConfigureWebSignInAllowedUrls && setting.Value.Kind == PolicyValueKind.String)
                {
                    if (needs.MissingFrom(setting.Value.StringValue ?? string.Empty).Count == 0)
                    {
                        complete.Add(setting);
                        anyComplete = true;
                    }
                    else
                    {
                        incomplete.Add(setting);
                    }
                }
            }
        }

        var levelsForJoin = tenant.JoinType == JoinType.Both ? 1 : 0;
        foreach (var setting in recovery)
        {
            var unassigned = setting.Source.AssignmentState == AssignmentState.Unassigned;
            var hit = complete.Find(setting);
            if (hit?.Overlap == OverlapKind.Certain || (unassigned && anyComplete))
            {
                continue;
            }

            string state;
            PolicySetting? list;
            OverlapKind overlap;
            if (hit is { } found)
            {
                // A list that has the hosts exists, but may not reach these devices (or is not assigned yet).
                list = found.Setting;
                overlap = found.Overlap;
                state = $"the allow list that has them, in {list.Source.Describe()} ({list.Location}), {(overlap == OverlapKind.Pending ? "is not assigned yet" : "may not reach these devices")}";
            }
            else if (incomplete.Find(setting) is { } partial)
            {
                list = partial.Setting;
                overlap = unassigned ? OverlapKind.Pending : OverlapKind.Certain;
                var missing = needs.MissingFrom(list.Value.StringValue ?? string.Empty);
                state = $"the allow list in {list.Source.Describe()} ({list.Location}) is '{list.Value.StringValue}', without {string.Join(", ", missing)}";
            }
            else
            {
                list = null;
                overlap = unassigned ? OverlapKind.Pending : OverlapKind.Certain;
                state = "no policy for these devices sets Authentication/ConfigureWebSignInAllowedUrls";
            }

            var words = overlap switch
            {
                OverlapKind.Pending when unassigned => " (the PIN recovery policy is not assigned yet: this takes effect once it is assigned)",
                OverlapKind.Assumed => $" ({OverlapLevels.Describe(overlap)})",
                _ => string.Empty,
            };
            if (tenant.JoinType == JoinType.Both)
            {
                words += " (joinType: both: this concerns the Microsoft Entra joined devices among them)";
            }

            context.ReportBelow(
                Math.Min(2, OverlapLevels.LevelsBelow(overlap) + levelsForJoin),
                Rule,
                setting.Location,
                setting.Source,
                list is null
                    ? FindingSubject.Of(setting.Node!, setting.Scope, setting.Source)
                    : FindingSubject.Of(setting.Node!, setting.Scope, setting.Source, list.Source),
                list is null ? null : [list.Location],
                setting.Source.Describe(),
                Reach.Describe(setting.Source),
                needs.Why,
                state,
                words,
                needs.Fix);
        }
    }

    /// <summary>A known node with a usable value that reaches devices once its source is assigned.</summary>
    private static bool Configured(PolicySetting setting) =>
        setting.Node is not null && setting.IsApplied && setting.Value.Kind != PolicyValueKind.None && setting.Problem == SettingProblem.None;

    /// <summary>The hosts the allow list must hold, from the tenant facts, and how to say why.</summary>
    private sealed class Needs
    {
        private Needs(IReadOnlyList<string> hosts, string why, string fix, bool hostsUnknown)
        {
            Hosts = hosts;
            Why = why;
            Fix = fix;
            HostsUnknown = hostsUnknown;
        }

        public IReadOnlyList<string> Hosts { get; }

        /// <summary><c>federated: true</c> without <c>federationHosts</c>: any list may hold them, so only a missing list is reported.</summary>
        public bool HostsUnknown { get; }

        public string Why { get; }

        public string Fix { get; }

        public static Needs? From(TenantFacts tenant)
        {
            var hosts = new List<string>();
            var reasons = new List<string>();
            var federationHosts = tenant.FederationHosts.IsDefault ? [] : tenant.FederationHosts.Select(Normalize).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            // federated: false wins over a stray federationHosts list: no claim the configuration contradicts.
            var federated = tenant.Federated != false && (tenant.Federated == true || federationHosts.Count > 0);

            var hostsUnknown = federated && federationHosts.Count == 0;
            if (federated)
            {
                hosts.AddRange(federationHosts);
                reasons.Add(hostsUnknown
                    ? "sign-in is federated (federated: true in .policylint.yml, no federationHosts listed)"
                    : $"sign-in is federated to {string.Join(", ", federationHosts)} (federationHosts in .policylint.yml)");
            }

            if (CloudNames.IsUsGovernment(tenant.Cloud))
            {
                hosts.Add(UsGovernmentSignInHost);
                reasons.Add($"the tenant is in the Azure US Government cloud (cloud: {tenant.Cloud}), where PIN reset opens {UsGovernmentSignInHost}");
            }

            if (reasons.Count == 0)
            {
                return null;
            }

            var value = string.Join(";", hosts.Distinct(StringComparer.Ordinal));
            var fix = "add Authentication/ConfigureWebSignInAllowedUrls (Settings Catalog: Authentication > Configure Web Sign In Allowed Urls, or the custom OMA-URI ./Device/Vendor/MSFT/Policy/Config/Authentication/ConfigureWebSignInAllowedUrls, String) "
                + (hostsUnknown
                    ? (value.Length > 0 ? $"with {value} and " : "with ") + "the host names of your federation service's sign-in pages, separated by semicolons (list them under federationHosts in .policylint.yml so PolicyLint can check them)"
                    : $"with '{value}' (semicolon-separated, next to any hosts already listed)")
                + ", assigned to the same devices as the PIN recovery policy";
            return new Needs(hosts.Distinct(StringComparer.Ordinal).ToList(), string.Join(", and ", reasons), fix, hostsUnknown);
        }

        /// <summary>The needed hosts a <c>;</c>-separated allow list lacks (none when the federation hosts are not known and it lists any host).</summary>
        public List<string> MissingFrom(string allowList)
        {
            var listed = allowList.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(h => h.Length > 0).ToList();
            var missing = Hosts.Where(host => !listed.Any(entry => Covers(entry, host))).ToList();
            if (HostsUnknown && listed.Count == 0 && missing.Count == 0)
            {
                missing.Add("any federation host");
            }

            return missing;
        }

        /// <summary>An entry names the host, or is a <c>*.</c> wildcard above it (not judged: counted as listing it).</summary>
        private static bool Covers(string entry, string host) =>
            entry == host || (entry.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(entry[1..], StringComparison.Ordinal));

        /// <summary>A host as written in a list or the configuration, without scheme, path, port or trailing dot, lower case.</summary>
        private static string Normalize(string text)
        {
            var host = text.Trim();
            var scheme = host.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                host = host[(scheme + 3)..];
            }

            var end = host.IndexOfAny(['/', '?', '#', ':']);
            if (end >= 0)
            {
                host = host[..end];
            }

            return host.TrimEnd('.').ToLowerInvariant();
        }
    }
}
