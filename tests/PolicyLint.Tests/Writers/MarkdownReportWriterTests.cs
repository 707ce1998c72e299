using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyLint.Output;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

/// <summary>The Markdown is read back with Markdig (GitHub-style pipe tables), so the tests see what a renderer sees.</summary>
public sealed class MarkdownReportWriterTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static string RunMarkdown(string workingDirectory, params string[] paths) =>
        TestConsole.Run(workingDirectory, ["lint", .. paths, "--format", "markdown"]).Console.StdOut;

    /// <summary>The findings table (the second table; the first holds the counts).</summary>
    private static List<List<string>> FindingRows(MarkdownDocument document)
    {
        var table = document.Descendants<Table>().ElementAt(1);
        return [.. table.OfType<TableRow>().Where(r => !r.IsHeader).Select(r => r.OfType<TableCell>().Select(PlainText).ToList())];
    }

    /// <summary>What a reader sees in a block: literal text, entities decoded, <c>&lt;br&gt;</c> as a line break; any other HTML fails.</summary>
    private static string PlainText(ContainerBlock block) =>
        string.Join("\n", block.Descendants<ParagraphBlock>().Select(p => PlainText(p.Inline!)));

    private static string PlainText(ContainerInline inline)
    {
        var text = new StringBuilder();
        foreach (var child in inline)
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline { Tag: "<br>" }:
                    text.Append('\n');
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case LinkInline link:
                    text.Append(PlainText(link));
                    break;
                default:
                    Assert.Fail($"unexpected {child.GetType().Name} in rendered text: {child}");
                    break;
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Markdown_and_HTML_in_a_policy_name_stay_text()
    {
        using var temp = new TempDirectory();
        const string policy = "Ring | 1 <b>bold</b> `code` *star* _under_ [link](http://example.com) $x$ \\ ~strike~ & more";
        temp.Write("ip.json", WriterInputs.IdentityProtectionNamed(policy));

        var markdown = RunMarkdown(temp.Path, ".");
        var document = Markdown.Parse(markdown, Gfm);

        var row = Assert.Single(FindingRows(document));
        Assert.Equal(5, row.Count);
        Assert.Equal(["warning", "PL1001", "ip.json:4", policy, "Identity Protection profile is deprecated"], row);
        var details = document.OfType<ParagraphBlock>().Select(p => PlainText(p.Inline!)).Single(t => t.StartsWith("Identity Protection profile '", StringComparison.Ordinal));
        Assert.Contains($"'{policy}'", details, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_a_policy_name_stays_in_its_cell()
    {
        using var temp = new TempDirectory();
        temp.Write("ip.json", WriterInputs.IdentityProtectionNamed("first line\r\nsecond | line"));

        var document = Markdown.Parse(RunMarkdown(temp.Path, "."), Gfm);

        var row = Assert.Single(FindingRows(document));
        Assert.Equal(5, row.Count);
        Assert.Equal("first line\nsecond | line", row[3]);
    }

    [Fact]
    public void The_collapsed_summary_line_is_escaped_HTML()
    {
        using var temp = new TempDirectory();
        temp.Write("a<b>&c.json", WriterInputs.IdentityProtectionNamed("WHfB legacy"));

        var markdown = RunMarkdown(temp.Path, ".");

        Assert.Contains("<summary>warning PL1001 IdentityProtectionProfileDeprecated: a&lt;b&gt;&amp;c.json:4</summary>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_are_listed_most_severe_first_with_the_rule_page_linked()
    {
        var document = Markdown.Parse(RunMarkdown(RepoPaths.Root, "samples"), Gfm);

        var levels = FindingRows(document).Select(r => r[0]).ToList();
        Assert.Equal(levels.OrderBy(l => l switch { "error" => 0, "warning" => 1, _ => 2 }), levels);
        var links = document.Descendants<LinkInline>().Where(l => l.Url!.Contains("/rules/docs/", StringComparison.Ordinal)).ToList();
        Assert.All(links, l => Assert.EndsWith($"/rules/docs/{PlainText(l).Split(' ')[0]}.md", l.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_run_says_so()
    {
        var markdown = RunMarkdown(RepoPaths.Root, "samples/clean");

        Assert.Contains("**No findings** in 3 files.", markdown, StringComparison.Ordinal);
        Assert.Single(Markdown.Parse(markdown, Gfm).Descendants<Table>());
    }

    [Fact]
    public void A_large_report_stays_within_a_pull_request_comment_and_counts_what_it_leaves_out()
    {
        using var temp = new TempDirectory();
        WriterInputs.ThreeLevelsPerProfile(temp, profiles: 100);

        var markdown = RunMarkdown(temp.Path, ".");

        Assert.True(markdown.Length <= MarkdownReportWriter.MaxLength, $"{markdown.Length} characters");
        var shown = FindingRows(Markdown.Parse(markdown, Gfm)).Count;
        Assert.InRange(shown, 1, 299);
        Assert.Equal(shown, Regex.Count(markdown, "<details>"));
        Assert.Contains($"**{300 - shown} more findings not shown here**", markdown, StringComparison.Ordinal);
    }
}
