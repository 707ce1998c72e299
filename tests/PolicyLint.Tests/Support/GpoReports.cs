namespace PolicyLint.Tests.Support;

/// <summary>Builders of GPMC XML report text in Get-GPOReport's shape (markers pass through untouched).</summary>
public static class GpoReports
{
    public const string WhfbCategory = "Windows Components/Windows Hello for Business";
    public const string PinCategory = "System/PIN Complexity";

    public static string Report(params string[] gpos) => gpos.Length == 1
        ? "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n" + gpos[0]
        : $"""
          <?xml version="1.0" encoding="utf-16"?>
          <report xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
          {string.Join("\n", gpos)}
          </report>
          """;

    public static string GpoXml(string name, string guid, string computerPolicies = "", string userPolicies = "", string links = "", bool computerEnabled = true, bool userEnabled = true) => $$"""
        <GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
          <Identifier>
            <Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{{guid}}</Identifier>
            <Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">contoso.com</Domain>
          </Identifier>
          <Name>{{name}}</Name>
          <IncludeComments>true</IncludeComments>
          <CreatedTime>2025-03-04T09:12:44</CreatedTime>
          <ModifiedTime>2025-06-18T14:02:10</ModifiedTime>
          <ReadTime>2025-06-19T07:45:03.1234567Z</ReadTime>
          <FilterDataAvailable>true</FilterDataAvailable>
        {{Section("Computer", computerPolicies, computerEnabled)}}
        {{Section("User", userPolicies, userEnabled)}}
        {{links}}
        </GPO>
        """;

    public static string Link(string somPath, bool enabled = true, bool enforced = false) => $"""
          <LinksTo>
            <SOMName>{somPath[(somPath.LastIndexOf('/') + 1)..]}</SOMName>
            <SOMPath>{somPath}</SOMPath>
            <Enabled>{(enabled ? "true" : "false")}</Enabled>
            <NoOverride>{(enforced ? "true" : "false")}</NoOverride>
          </LinksTo>
        """;

    /// <summary>An ADMX policy; <paramref name="state"/> may carry markers; <paramref name="elements"/> are presentation elements.</summary>
    public static string Policy(string name, string state, string category = WhfbCategory, string elements = "") => $"""
                <q1:Policy>
                  <q1:Name>{name}</q1:Name>
                  <q1:State>{state}</q1:State>
                  <q1:Explain>Explain text.</q1:Explain>
                  <q1:Supported>At least Windows 10</q1:Supported>
                  <q1:Category>{category}</q1:Category>
        {elements}
                </q1:Policy>
        """;

    public static string Numeric(string name, string value) => $"""
                  <q1:Numeric>
                    <q1:Name>{name}</q1:Name>
                    <q1:State>Enabled</q1:State>
                    <q1:Value>{value}</q1:Value>
                  </q1:Numeric>
        """;

    public static string CheckBox(string name, string state) => $"""
                  <q1:CheckBox>
                    <q1:Name>{name}</q1:Name>
                    <q1:State>{state}</q1:State>
                  </q1:CheckBox>
        """;

    public static string RegistrySetting(string keyPath, string valueName, string number) => $"""
                <q1:RegistrySetting>
                  <q1:KeyPath>{keyPath}</q1:KeyPath>
                  <q1:AdmSetting>false</q1:AdmSetting>
                  <q1:Value>
                    <q1:Name>{valueName}</q1:Name>
                    <q1:Number>{number}</q1:Number>
                  </q1:Value>
                </q1:RegistrySetting>
        """;

    private static string Section(string name, string policies, bool enabled)
    {
        var extension = policies.Length == 0 ? string.Empty : $"""
                <ExtensionData>
                  <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q1:RegistrySettings">
            {policies}
                    <q1:Blocked>false</q1:Blocked>
                  </Extension>
                  <Name>Registry</Name>
                </ExtensionData>
            """;
        return $"""
              <{name}>
                <VersionDirectory>3</VersionDirectory>
                <VersionSysvol>3</VersionSysvol>
                <Enabled>{(enabled ? "true" : "false")}</Enabled>
            {extension}
              </{name}>
            """;
    }
}
