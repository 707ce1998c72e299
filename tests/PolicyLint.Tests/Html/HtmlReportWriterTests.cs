using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyLint.Output;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Html;

/// <summary>The HTML report as text: what it may load, how it encodes names, how it writes. The browser tests open it.</summary>
public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public void Html_is_a_format_of_the_cli_and_shows_the_report_counts()
    {
        using var temp = new TempDirectory();
        var (html, json) = LintSamples(temp);
        var summary = JsonDocument.Parse(json).RootElement.GetProperty("summary");

        foreach (var (key, name) in new[] { ("error", "errors"), ("warning", "warnings"), ("note", "notes"), ("files-linted", "filesLinted"), ("files-skipped", "filesSkipped"), ("suppressed", "suppressed") })
        {
            var shown = Regex.Match(html, $"data-count=\"{key}\">(\\d+)<").Groups[1].Value;
            Assert.Equal(summary.GetProperty(name).GetInt32().ToString(), shown);
        }
    }

    [Fact]
    public void No_url_in_a_src_or_href_leaves_the_page_except_the_rule_help_links()
    {
        using var temp = new TempDirectory();
        var (html, json) = LintSamples(temp);
        var helpLinks = JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("helpUri").GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(helpLinks);

        var external = new List<string>();
        foreach (Match tag in TagPattern().Matches(html))
        {
            foreach (Match attribute in AttributePattern().Matches(tag.Value))
            {
                var (name, value) = (attribute.Groups["name"].Value.ToLowerInvariant(), System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value));
                if (!UrlAttributes.Contains(name) || !ExternalUrl().IsMatch(value))
                {
                    continue;
                }

                var isHelpLink = tag.Groups["tag"].Value.Equals("a", StringComparison.OrdinalIgnoreCase) && name == "href" && helpLinks.Contains(value)
                    && tag.Value.Contains("rel=\"noopener noreferrer\"", StringComparison.Ordinal);
                if (!isHelpLink)
                {
                    external.Add(tag.Value);
                }
            }
        }

        Assert.Empty(external);
        Assert.True(helpLinks.All(link => html.Contains($"href=\"{link}\"", StringComparison.Ordinal)), "every rule that fired is linked to its page");
        foreach (var loader in new[] { "<link", "<img", "<iframe", "<object", "<embed", "<base", "<svg", "<video", "<audio", "<source", "url(", "@import", "@font-face" })
        {
            Assert.DoesNotContain(loader, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_content_security_policy_forbids_loads_and_allows_only_the_pages_own_style_and_script()
    {
        using var temp = new TempDirectory();
        var (html, _) = LintSamples(temp);

        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("'none'", directives["default-src"]);
        Assert.Equal("'none'", directives["connect-src"]);
        Assert.Equal("'none'", directives["img-src"]);
        Assert.Equal("'none'", directives["base-uri"]);
        Assert.Equal("'none'", directives["form-action"]);
        Assert.Equal(Sha256(Between(html, "<style>", "</style>")), directives["style-src"]);
        Assert.Equal(Sha256(Between(html, "<script>", "</script>")), directives["script-src"]);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal), "the policy comes before anything it governs");
        Assert.Single(Regex.Matches(html, "<script"));
        var handlers = TagPattern().Matches(html).SelectMany(tag => AttributePattern().Matches(tag.Value))
            .Select(a => a.Groups["name"].Value).Where(name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(handlers);
    }

    [Fact]
    public void Policy_and_file_names_are_encoded_wherever_they_appear()
    {
        using var temp = new TempDirectory();
        var assignment = Exports.GroupAssignment("aaaaaaaa-0000-0000-0000-000000000001");
        temp.Write("exports/a.json", Exports.SettingsCatalog("<script>alert(1)<\\/script>", Exports.Choice("usepassportforwork", "true"), assignment, id: "11111111-0000-0000-0000-0000000000a1"));
        temp.Write("exports/\"><svg onload=alert(3)>.json", Exports.SettingsCatalog("\\\"><img src=x onerror=alert(2)>", Exports.Choice("usepassportforwork", "false"), assignment, id: "11111111-0000-0000-0000-0000000000a2"));
        var report = Lint.Paths(temp.Path, "exports");
        Assert.Contains(report.Findings, f => f.RuleId == "PL2001");

        var html = Write(report);

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;svg onload=alert(3)&gt;.json", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script"));
    }

    [Fact]
    public void The_report_is_written_as_it_goes_never_as_one_string()
    {
        var report = Lint.Paths(RepoPaths.Root, "samples");
        var writer = new WriteRecorder();

        new HtmlReportWriter().Write(report, writer);

        // The largest single write is the page's fixed style sheet; data goes out in small pieces.
        Assert.True(writer.Total > 50_000, $"{writer.Total} characters");
        Assert.True(writer.Largest < 8_000, $"largest write {writer.Largest} characters");
        Assert.True(writer.Writes > 1_000, $"{writer.Writes} writes");
    }

    [Fact]
    public void A_report_without_findings_or_settings_still_renders()
    {
        using var temp = new TempDirectory();
        temp.Write("notes.txt", "not a policy");
        var report = Lint.Paths(temp.Path, ".");

        var html = Write(report);

        Assert.Contains("No findings.", html, StringComparison.Ordinal);
        Assert.Contains("No settings were read.", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    private static readonly HashSet<string> UrlAttributes = ["src", "href", "action", "formaction", "srcset", "poster", "data", "background", "cite", "xlink:href", "manifest", "ping"];

    private static (string Html, string Json) LintSamples(TempDirectory temp)
    {
        var html = Path.Combine(temp.Path, "report.html");
        var json = Path.Combine(temp.Path, "report.json");
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples", "--format", $"html={html}", "--format", $"json={json}");
        Assert.True(exit == 1, $"exit {exit}: {console.StdErr}");
        return (File.ReadAllText(html), File.ReadAllText(json));
    }

    private static string Write(LintReport report)
    {
        using var output = new StringWriter();
        new HtmlReportWriter().Write(report, output);
        return output.ToString();
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string Sha256(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";

    [GeneratedRegex(@"<(?<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("""\s(?<name>[a-zA-Z:-]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s>]+))""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    /// <summary>Counts what the writer hands to its TextWriter.</summary>
    private sealed class WriteRecorder : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public long Total { get; private set; }

        public int Largest { get; private set; }

        public int Writes { get; private set; }

        public override void Write(char value) => Record(1);

        public override void Write(string? value) => Record(value?.Length ?? 0);

        public override void Write(char[] buffer, int index, int count) => Record(count);

        public override void Write(ReadOnlySpan<char> buffer) => Record(buffer.Length);

        private void Record(int length)
        {
            Total += length;
            Largest = Math.Max(Largest, length);
            Writes++;
        }
    }
}
