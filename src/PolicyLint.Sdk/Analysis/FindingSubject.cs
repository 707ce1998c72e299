using System.Text;
using PolicyLint.Model;

namespace PolicyLint.Analysis;

/// <summary>
/// What a finding is about, as the stable key its fingerprint is made from (SARIF partialFingerprints, baselines): the
/// aspect (node and scope, or a rule's own word) and the identities of every source involved, sorted, so the key
/// survives reformatting a file, moving a profile to another file, renaming a file, and a change of input order.
/// </summary>
public static class FindingSubject
{
    public static string Of(string aspect, params PolicySource[] sources) =>
        string.Join('|', sources.Select(s => s.Identity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Prepend(aspect));

    /// <summary>
    /// The fingerprint of a finding of <paramref name="ruleId"/> about <paramref name="subject"/>: the first 128 bits
    /// of the SHA-256 of "ruleId|subject", in lowercase hex (what SARIF partialFingerprints and baselines hold).
    /// </summary>
    /// <remarks>Hashed by <see cref="Sha256"/>, not the framework's SHA256: see there why.</remarks>
    public static string Fingerprint(string ruleId, string subject) =>
        Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes($"{ruleId}|{subject}")))[..32];

    /// <summary>A node in a scope, set by the given sources.</summary>
    public static string Of(CspNode node, PolicyScope scope, params PolicySource[] sources) =>
        Of($"{node.Id}|{(scope == PolicyScope.Device ? "device" : "user")}", sources);
}
