namespace PolicyLint.Graph;

/// <summary>
/// A pull that cannot go on, with a message for the person running it: what was asked of Graph, what came back, and
/// what to do (a missing permission is named). Never carries a token or a secret value.
/// </summary>
public sealed class GraphPullException : Exception
{
    public GraphPullException(string message, string? missingPermission = null)
        : base(message)
    {
        MissingPermission = missingPermission;
    }

    public GraphPullException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GraphPullException()
    {
    }

    public GraphPullException(string message)
        : base(message)
    {
    }

    /// <summary>The Graph permission Graph refused the request for, when that was the reason.</summary>
    public string? MissingPermission { get; }
}
