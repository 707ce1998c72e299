using PolicyLint.Catalog;
using PolicyLint.Model;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Readers;

/// <summary>How OMA-URIs are normalized before rows are compared (PL2004, PL2005): one spelling per node as the device sees it.</summary>
public sealed class OmaUriNormalizationTests
{
    private const string Leaf = "Policies/PINComplexity/MinimumPINLength";
    private static readonly string Canonical = $"./Device/Vendor/MSFT/PassportForWork/{TenantId}/{Leaf}";

    [Theory]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/{0}/Policies/PINComplexity/MinimumPINLength")]
    [InlineData("./Vendor/MSFT/PassportForWork/{0}/Policies/PINComplexity/MinimumPINLength")]
    [InlineData("./device/vendor/msft/passportforwork/{0}/policies/pincomplexity/minimumpinlength")]
    [InlineData("./DEVICE/Vendor/MSFT/PassportForWork/{0}/Policies/PINComplexity/MinimumPINLength")]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/{{{0}}}/Policies/PINComplexity/MinimumPINLength")]
    [InlineData("  ./Device/Vendor/MSFT/PassportForWork/{0}/Policies/PINComplexity/MinimumPINLength  ")]
    public void Spellings_of_one_device_node_normalize_to_one_path(string format)
    {
        var uri = OmaUri.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, TenantId))!;

        Assert.Equal(Canonical, uri.NormalizedPath);
        Assert.Equal(PolicyScope.Device, uri.Scope);
        Assert.Equal(Guid.Parse(TenantId), uri.TenantGuid);
    }

    [Fact]
    public void An_upper_case_tenant_guid_is_the_same_tenant()
    {
        var uri = OmaUri.Parse($"./Device/Vendor/MSFT/PassportForWork/{TenantId.ToUpperInvariant()}/{Leaf}")!;

        Assert.Equal(Canonical, uri.NormalizedPath);
    }

    [Fact]
    public void User_scope_another_tenant_and_a_placeholder_stay_apart()
    {
        var user = OmaUri.Parse($"./User/Vendor/MSFT/PassportForWork/{TenantId}/{Leaf}")!;
        var otherTenant = OmaUri.Parse($"./Device/Vendor/MSFT/PassportForWork/0f0f0f0f-1111-4222-8333-444455556666/{Leaf}")!;
        var placeholder = OmaUri.Parse($"./Device/Vendor/MSFT/PassportForWork/<tenant ID>/{Leaf}")!;

        Assert.Equal($"./User/Vendor/MSFT/PassportForWork/{TenantId}/{Leaf}", user.NormalizedPath);
        Assert.NotEqual(Canonical, otherTenant.NormalizedPath);
        Assert.Null(placeholder.TenantGuid);
        Assert.NotEqual(Canonical, placeholder.NormalizedPath);
        Assert.Same(user.Node, otherTenant.Node);
    }

    [Fact]
    public void Tenant_independent_and_policy_csp_nodes_normalize_without_a_tenant()
    {
        var key = OmaUri.Parse("./vendor/msft/passportforwork/securitykey/usesecuritykeyforsignin")!;
        var kerberos = OmaUri.Parse("./Vendor/MSFT/Policy/Config/Kerberos/CloudKerberosTicketRetrievalEnabled")!;

        Assert.Equal("./Device/Vendor/MSFT/PassportForWork/SecurityKey/UseSecurityKeyForSignin", key.NormalizedPath);
        Assert.Null(key.TenantGuid);
        Assert.Equal("./Device/Vendor/MSFT/Policy/Config/Kerberos/CloudKerberosTicketRetrievalEnabled", kerberos.NormalizedPath);
    }

    [Fact]
    public void An_unknown_node_has_no_normalized_path()
    {
        Assert.Null(OmaUri.Parse($"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLenght")!.NormalizedPath);
    }
}
