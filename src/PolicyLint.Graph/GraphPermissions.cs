namespace PolicyLint.Graph;

/// <summary>The Graph permissions a pull uses (docs/graph.md explains each).</summary>
public static class GraphPermissions
{
    /// <summary>configurationPolicies, deviceConfigurations, intents and assignment filters.</summary>
    public const string DeviceManagementConfigurationRead = "DeviceManagementConfiguration.Read.All";

    /// <summary>Only getOmaSettingPlainTextValue needs it: Graph reveals encrypted OMA-URI values to ReadWrite alone.</summary>
    public const string DeviceManagementConfigurationReadWrite = "DeviceManagementConfiguration.ReadWrite.All";

    /// <summary>deviceEnrollmentConfigurations (the tenant-wide Windows Hello for Business policy).</summary>
    public const string DeviceManagementServiceConfigRead = "DeviceManagementServiceConfig.Read.All";

    /// <summary>The display names of the groups assignments target.</summary>
    public const string GroupRead = "Group.Read.All";

    /// <summary>What an interactive sign-in asks consent for.</summary>
    public static IReadOnlyList<string> Delegated { get; } = [DeviceManagementConfigurationRead, DeviceManagementServiceConfigRead, GroupRead];
}
