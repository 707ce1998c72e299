namespace PolicyLint.Cli;

/// <summary>The exit codes of <c>policylint</c>, as the README documents them.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above --fail-on.</summary>
    public const int Success = 0;

    /// <summary>At least one finding at or above --fail-on.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>The command line is wrong, or no input could be read.</summary>
    public const int UsageErrorOrNoInput = 2;

    /// <summary>PolicyLint itself failed (a bug: please report it).</summary>
    public const int InternalError = 3;
}
