using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Performance;

/// <summary>
/// What a finding holds from analysis to output (docs/performance.md, memory): long arguments as UTF-8, deferred
/// arguments unformatted, a fingerprint instead of its subject. None of it may change what a finding says or its
/// fingerprint, which baselines and SARIF consumers keep across versions.
/// </summary>
public sealed class FindingMemoryTests
{
    private static readonly string LongText = "Settings Catalog profile 'WIN - SC - Windows Hello for Business – Pilot ä' (assigned to group WHfB Pilot) " + new string('x', 200);

    [Fact]
    public void Long_and_deferred_arguments_format_as_the_text_they_stand_for()
    {
        var formatted = 0;
        var report = LintSamplesWith(new ReportsEverySource(LongText, () =>
        {
            formatted++;
            return "made when shown";
        }));

        var finding = report.Findings.First(f => f.RuleId == ReportsEverySource.Id);
        Assert.Equal(0, formatted);

        Assert.Equal($"{LongText} / made when shown / short", finding.Message);
        Assert.Equal(1, formatted);
        // Not kept: formatted again when asked again (a run writing text and SARIF asks twice).
        Assert.Equal(finding.Message, finding.Message);
        Assert.Equal(3, formatted);
    }

    [Fact]
    public void The_fingerprint_is_computed_at_report_time_as_it_was_from_the_subject()
    {
        var report = LintSamplesWith(new ReportsEverySource(LongText, () => "x"));

        foreach (var finding in report.Findings.Where(f => f.RuleId == ReportsEverySource.Id))
        {
            var source = report.Policies.SelectMany(p => p.Sources).First(s => s.DisplayName == finding.SourceName);
            // The formula of every earlier version: SHA-256 of "rule|subject", the first 128 bits in lowercase hex.
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ReportsEverySource.Id}|{FindingSubject.Of("every-source", source)}")))[..32];
            Assert.Equal(expected, finding.Fingerprint);
        }
    }

    private static Output.LintReport LintSamplesWith(PolicyAnalyzer analyzer) =>
        new LintEngine([analyzer]).Lint(["samples/intune"], RepoPaths.Root);

    /// <summary>Reports each source once, with a long argument, a deferred one and a short one.</summary>
    private sealed class ReportsEverySource(string longText, Func<string> deferred) : PolicyAnalyzer
    {
        public const string Id = "TEST9001";

        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            Id, "Every source", "{0} / {1} / {2}", "Test", DiagnosticSeverity.Warning, "Test.", helpLink: null);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(PolicyAnalysisContext context) => context.RegisterSourceAction(c =>
            c.Report(Rule, c.Source.Location, c.Source, FindingSubject.Of("every-source", c.Source), null, longText, MessageArgument.Deferred(deferred), "short"));
    }
}
