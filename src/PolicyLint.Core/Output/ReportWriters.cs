namespace PolicyLint.Output;

/// <summary>The writers PolicyLint has, by --format name.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new TextReportWriter(),
        new JsonReportWriter(),
        new SarifReportWriter(),
        new MarkdownReportWriter(),
        new GitHubReportWriter(),
        new CodeClimateReportWriter(),
        new HtmlReportWriter(),
    ];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
