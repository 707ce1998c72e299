namespace PolicyLint.Analysis;

public static class RuleCategories
{
    public const string Input = "Input";
    public const string Deprecation = "Deprecation";
    public const string Precedence = "Precedence";
    public const string TrustModel = "TrustModel";
    public const string Authoring = "Authoring";
    public const string Deployment = "Deployment";
}
