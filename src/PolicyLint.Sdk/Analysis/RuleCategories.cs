namespace PolicyLint.Analysis;

public static class RuleCategories
{
    public const string Input = "Input";

    /// <summary>The engine itself: a rule that failed while it ran (PL0002).</summary>
    public const string Engine = "Engine";
    public const string Deprecation = "Deprecation";
    public const string Precedence = "Precedence";
    public const string TrustModel = "TrustModel";
    public const string Authoring = "Authoring";
    public const string Deployment = "Deployment";
}
