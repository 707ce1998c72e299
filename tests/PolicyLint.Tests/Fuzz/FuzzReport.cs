using Xunit.Abstractions;
using Xunit.Sdk;

namespace PolicyLint.Tests.Fuzz;

/// <summary>
/// Sends the fuzz summary to the runner as a diagnostic message, so `dotnet test` (and .ci/run) print how many mutants
/// ran even when the test passes (test output is only shown for failures); xunit.runner.json turns these on.
/// </summary>
public sealed class FuzzReport(IMessageSink sink)
{
    public void Write(string text) => sink.OnMessage(new DiagnosticMessage(text));
}
