using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Graph;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Configuration;

/// <summary>The per-tenant facts of .policylint.yml: every key, every error with its line and column, and precedence.</summary>
public sealed class TenantFactsConfigTests
{
    private const string Tenant = "9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a";

    /// <summary>The brief's example, as an admin would write it.</summary>
    private const string Full = $$"""
        tenantId: {{Tenant}}
        cloud: usGovernment
        expectedTrustModel: cloudKerberos
        joinType: hybrid
        federated: true
        federationHosts: [adfs.contoso.com, sts.contoso.com]
        minimumWindowsBuild: 10.0.19045
        assumeAssigned: false
        rules:
          PL2001: warning
          PL5002:
            level: note
            minimumPinLength: 8
        tenants:
          - intune
          - path: hybrid
            joinType: entra
            expectedTrustModel: certificate
            assumeAssigned: true
            rules: { PL5002: { minimumPinLength: 6 } }
          - path: other
            tenantId: 11111111-2222-3333-4444-555555555555
            cloud: PUBLIC
            federated: false
            federationHosts: []
            minimumWindowsBuild: 10.0.26100.1742
        """;

    private static PolicyLintConfig Load(TempDirectory temp, string yaml) => PolicyLintConfig.Load(temp.Write(".policylint.yml", yaml));

    [Fact]
    public void Top_level_facts_are_the_defaults_of_every_tenant_and_of_files_outside_them()
    {
        using var temp = new TempDirectory();
        var config = Load(temp, Full);

        foreach (var facts in new[] { config.FactsFor(string.Empty), config.FactsFor(Path.Combine(temp.Path, "intune")) })
        {
            Assert.Equal(Tenant, facts.TenantId);
            Assert.Equal(CloudNames.UsGovernment, facts.Cloud);
            Assert.Equal(TrustModel.CloudKerberos, facts.ExpectedTrustModel);
            Assert.Equal(JoinType.Hybrid, facts.JoinType);
            Assert.True(facts.Federated);
            Assert.Equal(["adfs.contoso.com", "sts.contoso.com"], facts.FederationHosts.ToArray());
            Assert.Equal(new Version(10, 0, 19045), facts.MinimumWindowsBuild);
            Assert.False(facts.AssumeAssigned);
            Assert.Equal("8", facts.Option(RuleIds.WeakMinimumPinLength, "minimumPinLength"));
            Assert.Null(facts.Option(RuleIds.WeakMinimumPinLength, "level"));
        }

        Assert.Equal("warning", config.RuleLevels[RuleIds.ConflictingIntuneValues]);
        Assert.Equal("note", config.RuleLevels[RuleIds.WeakMinimumPinLength]);
        Assert.Equal([Path.Combine(temp.Path, "intune"), Path.Combine(temp.Path, "hybrid"), Path.Combine(temp.Path, "other")], config.TenantFolders);
    }

    [Fact]
    public void A_tenants_own_keys_override_the_defaults_and_keep_the_rest()
    {
        using var temp = new TempDirectory();
        var config = Load(temp, Full);

        var hybrid = config.FactsFor(Path.Combine(temp.Path, "hybrid"));
        Assert.Equal(JoinType.Entra, hybrid.JoinType);
        Assert.Equal(TrustModel.Certificate, hybrid.ExpectedTrustModel);
        Assert.True(hybrid.AssumeAssigned);
        Assert.Equal("6", hybrid.Option(RuleIds.WeakMinimumPinLength, "minimumPinLength"));
        Assert.Equal(Tenant, hybrid.TenantId);
        Assert.Equal(CloudNames.UsGovernment, hybrid.Cloud);
        Assert.Equal(new Version(10, 0, 19045), hybrid.MinimumWindowsBuild);

        var other = config.FactsFor(Path.Combine(temp.Path, "other"));
        Assert.Equal("11111111-2222-3333-4444-555555555555", other.TenantId);
        Assert.Equal(CloudNames.Public, other.Cloud);
        Assert.False(other.Federated);
        Assert.Empty(other.FederationHosts);
        Assert.Equal(new Version(10, 0, 26100, 1742), other.MinimumWindowsBuild);
        Assert.Equal(JoinType.Hybrid, other.JoinType);
        Assert.Equal("8", other.Option(RuleIds.WeakMinimumPinLength, "minimumPinLength"));
    }

    [Fact]
    public void Defaults_written_after_tenants_still_apply_to_them()
    {
        using var temp = new TempDirectory();
        var config = Load(temp, "tenants:\n  - path: a\n    joinType: entra\n  - b\njoinType: hybrid\nexpectedTrustModel: key\n");

        Assert.Equal(JoinType.Entra, config.FactsFor(Path.Combine(temp.Path, "a")).JoinType);
        Assert.Equal(TrustModel.Key, config.FactsFor(Path.Combine(temp.Path, "a")).ExpectedTrustModel);
        Assert.Equal(JoinType.Hybrid, config.FactsFor(Path.Combine(temp.Path, "b")).JoinType);
    }

    [Fact]
    public void Nothing_configured_is_unknown()
    {
        using var temp = new TempDirectory();
        var facts = Load(temp, "tenants:\n  - a\n").FactsFor(Path.Combine(temp.Path, "a"));

        Assert.Equal(TenantFacts.Unknown, facts);
        Assert.Null(facts.TenantId);
        Assert.Null(facts.ExpectedTrustModel);
        Assert.Null(facts.Option(RuleIds.WeakMinimumPinLength, "minimumPinLength"));
    }

    [Theory]
    [InlineData("tenantId: 9B6E7C1A-2F4D-4C8E-A1B3-5D7F9E0C2B4A", Tenant)]
    [InlineData("tenantId: ' 9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a '", Tenant)]
    public void The_tenant_id_is_kept_as_a_lower_case_guid(string yaml, string expected)
    {
        using var temp = new TempDirectory();
        Assert.Equal(expected, Load(temp, yaml).Defaults.TenantId);
    }

    [Theory]
    [InlineData("cloud: public", CloudNames.Public)]
    [InlineData("cloud: usgovernment", CloudNames.UsGovernment)]
    [InlineData("cloud: usGovernmentDoD", CloudNames.UsGovernmentDoD)]
    [InlineData("cloud: China", CloudNames.China)]
    public void Cloud_names_are_spelled_as_the_pull_command_spells_them(string yaml, string expected)
    {
        using var temp = new TempDirectory();
        Assert.Equal(expected, Load(temp, yaml).Defaults.Cloud);
    }

    [Fact]
    public void The_configuration_and_the_pull_command_know_the_same_clouds()
    {
        Assert.Equal(GraphCloud.Names, CloudNames.All);
    }

    [Theory]
    [InlineData("expectedTrustModel: cloudKerberos", TrustModel.CloudKerberos)]
    [InlineData("expectedTrustModel: key", TrustModel.Key)]
    [InlineData("expectedTrustModel: Certificate", TrustModel.Certificate)]
    public void Trust_models_are_read(string yaml, TrustModel expected)
    {
        using var temp = new TempDirectory();
        Assert.Equal(expected, Load(temp, yaml).Defaults.ExpectedTrustModel);
    }

    [Theory]
    [InlineData("joinType: entra", JoinType.Entra)]
    [InlineData("joinType: hybrid", JoinType.Hybrid)]
    [InlineData("joinType: both", JoinType.Both)]
    public void Join_types_are_read(string yaml, JoinType expected)
    {
        using var temp = new TempDirectory();
        Assert.Equal(expected, Load(temp, yaml).Defaults.JoinType);
    }

    [Theory]
    [InlineData("federated: true\n", true)]
    [InlineData("federated: False\n", false)]
    public void Federated_is_a_boolean(string yaml, bool expected)
    {
        using var temp = new TempDirectory();
        Assert.Equal(expected, Load(temp, yaml).Defaults.Federated);
    }

    [Fact]
    public void Federation_hosts_are_a_list_of_host_names_in_either_yaml_form()
    {
        using var temp = new TempDirectory();
        Assert.Equal(["adfs.contoso.com", "login.fabrikam.net"], Load(temp, "federationHosts:\n  - ADFS.contoso.com\n  - login.fabrikam.net\n").Defaults.FederationHosts.ToArray());
    }

    [Fact]
    public void Options_of_rules_that_ship_none_are_kept_as_text_for_custom_rules()
    {
        using var temp = new TempDirectory();
        var facts = Load(temp, "rules:\n  CONTOSO001:\n    maximumProfiles: 3\n    strict: true\n    owner: Identity team\n").Defaults;

        Assert.Equal("3", facts.Option("CONTOSO001", "maximumProfiles"));
        Assert.Equal("true", facts.Option("contoso001", "strict"));
        Assert.Equal("Identity team", facts.Option("CONTOSO001", "owner"));
    }

    [Theory]
    [InlineData("colour: blue\n", 1, 1, "unknown key 'colour': expected one of tenants, rules, suppressions, tenantId, cloud, expectedTrustModel, joinType, federated, federationHosts, minimumWindowsBuild, assumeAssigned")]
    [InlineData("tenantId: {9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a}\n", 1, 11, "tenantId '{9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a}' is in braces: write the GUID without them")]
    [InlineData("tenantId: '{9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a}'\n", 1, 11, "tenantId '{9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a}' is in braces: write the GUID without them (9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a)")]
    [InlineData("tenantId: '{TenantId}'\n", 1, 11, "tenantId '{TenantId}' is a placeholder, not a GUID: use your Entra tenant ID")]
    [InlineData("tenantId: <tenant ID>\n", 1, 11, "tenantId '<tenant ID>' is a placeholder, not a GUID")]
    [InlineData("tenantId: contoso.onmicrosoft.com\n", 1, 11, "tenantId 'contoso.onmicrosoft.com' is not a GUID: expected the Entra tenant ID")]
    [InlineData("tenantId: [a]\n", 1, 11, "expected the Entra tenant ID (a GUID) as plain text")]
    [InlineData("cloud: gcchigh\n", 1, 8, "unknown cloud 'gcchigh': expected one of public, usGovernment, usGovernmentDoD, china (the names of pull --cloud)")]
    [InlineData("expectedTrustModel: hybrid\n", 1, 21, "unknown expectedTrustModel 'hybrid': expected one of cloudKerberos, key, certificate")]
    [InlineData("joinType: azuread\n", 1, 11, "unknown joinType 'azuread': expected one of entra, hybrid, both")]
    [InlineData("federated: yes please\n", 1, 12, "federated is 'yes please': expected true or false")]
    [InlineData("federationHosts: adfs.contoso.com\n", 1, 18, "'federationHosts' must be a list")]
    [InlineData("federationHosts:\n  - https://adfs.contoso.com/adfs/ls\n", 2, 5, "federation host 'https://adfs.contoso.com/adfs/ls' is not a host name: expected a name like adfs.contoso.com, without https:// or a path (write adfs.contoso.com)")]
    [InlineData("minimumWindowsBuild: 22H2\n", 1, 22, "minimumWindowsBuild '22H2' is not a Windows build: expected 10.0.<build>, e.g. 10.0.19045")]
    [InlineData("minimumWindowsBuild: 10.0\n", 1, 22, "minimumWindowsBuild '10.0' is not a Windows build")]
    [InlineData("minimumWindowsBuild: 11.0.22000\n", 1, 22, "minimumWindowsBuild '11.0.22000' is not a Windows build")]
    [InlineData("assumeAssigned: 1\n", 1, 17, "assumeAssigned is '1': expected true or false")]
    [InlineData("rules:\n  PL5002:\n    minimumPinLenght: 8\n", 3, 5, "unknown option 'minimumPinLenght' for PL5002: expected level or minimumPinLength")]
    [InlineData("rules:\n  PL5002:\n    minimumPinLength: 3\n", 3, 23, "PL5002 minimumPinLength is '3': expected a whole number from 4 to 127")]
    [InlineData("rules:\n  PL5002:\n    minimumPinLength: 128\n", 3, 23, "PL5002 minimumPinLength is '128': expected a whole number from 4 to 127")]
    [InlineData("rules:\n  PL5002:\n    minimumPinLength: six\n", 3, 23, "PL5002 minimumPinLength is 'six'")]
    [InlineData("rules:\n  PL5002:\n    minimumPinLength: [6]\n", 3, 23, "expected the value of PL5002 minimumPinLength (text, a number or true/false) as plain text")]
    [InlineData("rules:\n  PL2001:\n    threshold: 2\n", 3, 5, "unknown option 'threshold' for PL2001: PL2001 takes no options, only level")]
    [InlineData("rules:\n  PL2001:\n    level: loud\n", 3, 12, "level 'loud' for PL2001: expected error, warning, note or none")]
    [InlineData("rules:\n  PL2001: [warning]\n", 2, 11, "PL2001: expected a level (error, warning, note or none) or a mapping of 'level' and the rule's options")]
    [InlineData("tenants:\n  - path: a\n    colour: blue\n", 3, 5, "unknown key 'colour' in a tenant: expected one of path, tenantId, cloud")]
    [InlineData("tenants:\n  - joinType: hybrid\n", 2, 5, "a tenant written as a mapping needs 'path'")]
    [InlineData("tenants:\n  - [a, b]\n", 2, 5, "a tenant is a folder name, or a mapping with 'path' and the tenant's own keys")]
    [InlineData("tenants:\n  - a\n  - path: a/\n", 3, 5, "the tenant folder 'a' is listed twice")]
    [InlineData("tenants:\n  - path: a\n    rules:\n      PL2001: warning\n", 4, 15, "a tenant's rules take options only: set the level of PL2001 under the top-level 'rules:' (levels apply to the whole run)")]
    [InlineData("tenants:\n  - path: a\n    rules: { PL5002: { level: note } }\n", 3, 24, "a tenant's rules take options only")]
    [InlineData("tenants:\n  - path: a\n    cloud: azure\n", 3, 12, "unknown cloud 'azure'")]
    [InlineData("tenants:\n  - path: a\n    rules: { PL5002: { minimumPinLength: 200 } }\n", 3, 42, "PL5002 minimumPinLength is '200'")]
    public void A_bad_value_names_the_line_the_column_and_what_is_allowed(string yaml, int line, int column, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.Write(".policylint.yml", yaml);

        var error = Assert.Throws<ConfigException>(() => PolicyLintConfig.Load(path));

        Assert.StartsWith($"{path}({line},{column}): ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_written_twice_is_a_usage_error_not_a_crash()
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", CustomOma("Placeholder", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true")));
        temp.Write(".policylint.yml", "joinType: entra\njoinType: hybrid\n");

        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Equal(2, exit);
        Assert.Matches(@"\.policylint\.yml\(2,1\): ", console.StdErr);
        Assert.DoesNotContain("   at ", console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_configuration_and_every_shipped_yml_still_load()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Root, PolicyLintConfig.FileName, SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            _ = PolicyLintConfig.Load(file);
        }

        Assert.NotEmpty(PolicyLintConfig.Load(Path.Combine(RepoPaths.Samples, PolicyLintConfig.FileName)).TenantFolders);
    }

    [Fact]
    public void A_configuration_written_before_tenant_facts_loads_as_it_did()
    {
        using var temp = new TempDirectory();
        var config = Load(temp, """
            tenants:
              - contoso
              - fabrikam
            assumeAssigned: true
            rules:
              PL4001: warning
              PL2006: none
            suppressions:
              - rule: PL3001
                path: contoso/*.json
                policy: WHfB - Certificate Trust (legacy)
                justification: Migration wave 2
                expiresOn: 2027-01-31
            """);

        Assert.Equal(2, config.TenantFolders.Count);
        Assert.Equal("warning", config.RuleLevels["PL4001"]);
        Assert.Equal("none", config.RuleLevels["PL2006"]);
        Assert.Single(config.Suppressions);
        Assert.True(config.AssumeAssigned);
        Assert.True(config.FactsFor(Path.Combine(temp.Path, "contoso")).AssumeAssigned);
        Assert.Equal(TenantFacts.Unknown with { AssumeAssigned = true }, config.FactsFor(Path.Combine(temp.Path, "fabrikam")));
    }
}
