using System.Globalization;
using PolicyLint.Analysis;

namespace PolicyLint.Configuration;

/// <summary>One option a built-in rule reads from <c>.policylint.yml</c> (<c>rules: PL5002: { minimumPinLength: 8 }</c>).</summary>
/// <param name="Name">The key, spelled as the rule reads it.</param>
/// <param name="Minimum">For whole-number options, the smallest value allowed.</param>
/// <param name="Maximum">For whole-number options, the largest value allowed.</param>
/// <param name="Description">What it changes, for the error messages and docs.</param>
public sealed record RuleOption(string Name, int Minimum, int Maximum, string Description)
{
    /// <summary>Null when <paramref name="text"/> is valid, else what is wrong with it.</summary>
    public string? Check(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= Minimum && value <= Maximum
            ? null
            : $"expected a whole number from {Minimum} to {Maximum}";
}

/// <summary>
/// The options each built-in rule declares. A built-in rule that declares none takes none (an option for it is a
/// typo); rule ids PolicyLint does not ship (custom rules) may take any option, kept as text.
/// </summary>
public static class RuleOptionTable
{
    public static IReadOnlyDictionary<string, IReadOnlyList<RuleOption>> Declared { get; } =
        new Dictionary<string, IReadOnlyList<RuleOption>>(StringComparer.OrdinalIgnoreCase)
        {
            // The PassportForWork CSP allows 4-127 for MinimumPINLength (reference B).
            [RuleIds.WeakMinimumPinLength] =
            [
                new RuleOption("minimumPinLength", 4, 127, "the shortest minimum PIN length that is not reported (default 6)"),
            ],
        };

    private static readonly HashSet<string> BuiltInIds = new(
        typeof(RuleIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True for the ids PolicyLint ships (<see cref="RuleIds"/>).</summary>
    public static bool IsBuiltIn(string ruleId) => BuiltInIds.Contains(ruleId);
}
