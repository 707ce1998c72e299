using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Input;
using PolicyLint.Model;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.GroupPolicy;

public sealed class GpoReportReaderTests
{
    private const string Guid1 = "{6AC1786C-016F-11D2-945F-00C04FB984F9}";

    [Fact]
    public void Reads_a_utf16_report_with_scopes_states_options_and_links()
    {
        using var temp = new TempDirectory();
        var text = Report(GpoXml("WHfB - Workstations", Guid1,
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled", elements: CheckBox("Do not start Windows Hello provisioning after sign-in", "Enabled"))
                + Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "8"))
                + Policy("Require special characters", "Disabled", PinCategory),
            userPolicies: Policy("Use Windows Hello for Business", "Disabled"),
            links: Link("contoso.com/Workstations", enforced: true)));
        temp.Write("whfb.xml", text, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var result = Lint.Paths(temp.Path, ".");

        var file = Assert.Single(result.Files);
        Assert.False(file.HasErrors, string.Join("\n", file.Problems));
        var source = Assert.Single(file.Sources);
        Assert.Equal("WHfB - Workstations", source.DisplayName);
        Assert.Equal(Guid1, source.Id);
        var link = Assert.Single(source.GroupPolicy!.Links);
        Assert.True(link.Enforced);
        Assert.Equal("contoso.com/Workstations", link.SomPath);
        var settings = source.Settings.Select(s => $"{s.Node!.Name}|{s.Scope}|{s.Value}").ToList();
        Assert.Equal(
            ["UsePassportForWork|Device|true", "DisablePostLogonProvisioning|Device|true", "MinimumPINLength|Device|8", "SpecialCharacters|Device|2", "UsePassportForWork|User|false"],
            settings);
        Assert.All(source.Settings, s => Assert.True(s.IsApplied));
    }

    [Fact]
    public void Reads_german_and_french_names_and_notes_an_unknown_policy_in_the_whfb_category()
    {
        using var temp = new TempDirectory();
        var text = Report(
            GpoXml("WHfB DE", Guid1, computerPolicies: Policy("Windows Hello for Business verwenden", "Enabled", "Windows-Komponenten/Windows Hello for Business")
                + Policy("Minimale PIN-Länge", "Enabled", "System/PIN-Komplexität", Numeric("Minimale PIN-Länge", "7"))
                + Policy("[|Eine neue Richtlinie|]", "Enabled", "Windows-Komponenten/Windows Hello for Business"), links: Link("contoso.com/DE")),
            GpoXml("WHfB FR", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Utiliser l\u2019approbation cloud pour l\u2019authentification locale", "Enabled", "Composants Windows/Windows Hello Entreprise"),
                links: Link("contoso.com/FR")));
        var export = MarkedExport.Parse(text);
        temp.Write("all.xml", export.Text);

        var result = Lint.Paths(temp.Path, ".");

        var file = Assert.Single(result.Files);
        Assert.Equal(2, file.Sources.Length);
        Assert.Equal(["UsePassportForWork=true", "MinimumPINLength=7"], file.Sources[0].Settings.Select(s => $"{s.Node!.Name}={s.Value}"));
        Assert.Equal(["UseCloudTrustForOnPremAuth=true"], file.Sources[1].Settings.Select(s => $"{s.Node!.Name}={s.Value}"));
        var note = Assert.Single(file.Problems);
        Assert.Equal(ProblemSeverity.Note, note.Severity);
        Assert.Contains("'Eine neue Richtlinie'", note.Message, StringComparison.Ordinal);
        Assert.Equal(export.Spots[0], (note.Location.Line, note.Location.Column));
    }

    [Fact]
    public void Settings_of_a_disabled_section_or_an_unlinked_gpo_are_read_but_not_applied()
    {
        using var temp = new TempDirectory();
        var text = Report(
            GpoXml("Disabled computer half", Guid1, computerPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com"), computerEnabled: false),
            GpoXml("Not linked", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use Windows Hello for Business", "Enabled")),
            GpoXml("Link disabled", "{8A28E1B6-3C2D-4E7A-9A51-0F6B2D4C8E11}", computerPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com/Pilot", enabled: false)));
        temp.Write("report.xml", text);

        var result = Lint.Paths(temp.Path, ".");

        var reasons = result.Files.Single().Sources.Select(s => Assert.Single(s.Settings).NotAppliedReason).ToList();
        Assert.Equal(
            ["the GPO's Computer Configuration section is disabled", "the GPO is not linked to any site, domain or OU", "every link of the GPO is disabled"],
            reasons);
        Assert.Empty(result.Policy.Nodes);
    }

    [Fact]
    public void Extra_registry_settings_are_matched_by_registry_data()
    {
        using var temp = new TempDirectory();
        var text = Report(GpoXml("Raw values", Guid1,
            computerPolicies: RegistrySetting(@"SOFTWARE\Policies\Microsoft\PassportForWork", "UseCloudTrustForOnPremAuth", "1")
                + RegistrySetting(@"SOFTWARE\Policies\Microsoft\PassportForWork\PINComplexity", "MaximumPINLength", "64"),
            links: Link("contoso.com")));
        temp.Write("raw.xml", text);

        var source = Lint.Paths(temp.Path, ".").Files.Single().Sources.Single();

        Assert.Equal(["UseCloudTrustForOnPremAuth=true", "MaximumPINLength=64"], source.Settings.Select(s => $"{s.Node!.Name}={s.Value}"));
    }

    [Fact]
    public void A_doctype_is_refused_and_no_entity_is_resolved()
    {
        using var temp = new TempDirectory();
        var secret = temp.Write("secret.txt", "TOP-SECRET-CONTENT");
        var text = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE GPO [ <!ENTITY leak SYSTEM "file://{secret}"> ]>
            <GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>&leak;</Name></GPO>
            """;
        temp.Write("evil.xml", text);

        var result = Lint.Paths(temp.Path, "evil.xml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(RuleIds.InputNotReadable, error.Id);
        Assert.Contains("DOCTYPE", error.Message(), StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", error.Message(), StringComparison.Ordinal);
        Assert.Equal(2, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(result.Files.Single().Sources);
    }

    [Fact]
    public void Malformed_xml_is_an_error_at_its_line()
    {
        using var temp = new TempDirectory();
        temp.Write("broken.xml", "<GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\">\n  <Name>x</Nam>\n</GPO>");

        var result = Lint.Paths(temp.Path, ".");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(RuleIds.InputNotReadable, error.Id);
        Assert.StartsWith("malformed XML", error.Message(), StringComparison.Ordinal);
        Assert.Equal(1, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Every_whfb_policy_name_in_the_map_resolves_in_each_language_it_lists()
    {
        foreach (var definition in global::PolicyLint.Gpo.GpoPolicyMap.All)
        {
            foreach (var name in definition.Names)
            {
                Assert.Same(definition, global::PolicyLint.Gpo.GpoPolicyMap.Find(name.ToUpperInvariant().Replace("'", "\u2019", StringComparison.Ordinal)));
            }
        }

        Assert.Same(PassportForWorkCatalog.UseCloudTrustForOnPremAuth, global::PolicyLint.Gpo.GpoPolicyMap.Find("Use cloud Kerberos trust for on-premises authentication")!.Node);
    }
}
