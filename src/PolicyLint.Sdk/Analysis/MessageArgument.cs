namespace PolicyLint.Analysis;

/// <summary>Message arguments a rule can hand over unformatted.</summary>
public static class MessageArgument
{
    /// <summary>
    /// Text made when the message is (each time a writer shows the finding), not when the finding is reported: for a
    /// long argument built from model objects in a rule that can report thousands of findings, whose text would
    /// otherwise be held from analysis to output (docs/performance.md, memory). <paramref name="text"/> must read only
    /// the model, which does not change, and nothing the rule changes after reporting.
    /// </summary>
    public static object Deferred(Func<string> text) => new DeferredText(text);

    private sealed class DeferredText(Func<string> text) : IEquatable<DeferredText>
    {
        public override string ToString() => text();

        public bool Equals(DeferredText? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as DeferredText);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
    }
}
