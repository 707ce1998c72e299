namespace PolicyLint.Analysis;

/// <summary>
/// The names of the Microsoft clouds as the pull command's <c>--cloud</c> takes them and <c>.policylint.yml</c>'s
/// <c>cloud</c> key uses (<see cref="TenantFacts.Cloud"/> holds one of these, spelled as here).
/// </summary>
public static class CloudNames
{
    /// <summary>The commercial cloud (and GCC, which signs in there).</summary>
    public const string Public = "public";

    /// <summary>US Government GCC High.</summary>
    public const string UsGovernment = "usGovernment";

    /// <summary>US Government DoD.</summary>
    public const string UsGovernmentDoD = "usGovernmentDoD";

    /// <summary>Microsoft Azure operated by 21Vianet.</summary>
    public const string China = "china";

    public static IReadOnlyList<string> All { get; } = [Public, UsGovernment, UsGovernmentDoD, China];

    /// <summary>The name as spelled here for <paramref name="name"/> (case-insensitive), or null.</summary>
    public static string? Find(string name)
    {
        foreach (var known in All)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>True for the US Government clouds (GCC High and DoD).</summary>
    public static bool IsUsGovernment(string? cloud) => cloud is UsGovernment or UsGovernmentDoD;
}
