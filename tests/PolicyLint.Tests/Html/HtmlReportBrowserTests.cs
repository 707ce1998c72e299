using System.Text.Json;
using Microsoft.Playwright;
using PolicyLint.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLint.Tests.Html;

/// <summary>
/// The HTML report as an admin meets it: written by the real CLI, opened from disk in a real Chromium, read and
/// clicked. A screenshot of each page is kept under the test output folder (artifacts/html) for a person to look at.
/// </summary>
public sealed class HtmlReportBrowserTests(ChromiumFixture chromium, ITestOutputHelper log) : IClassFixture<ChromiumFixture>
{
    private static string ArtifactFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "html");

    [BrowserFact]
    public async Task Samples_report_shows_the_counts_filters_findings_and_marks_conflicts_in_the_matrix()
    {
        using var temp = new TempDirectory();
        var html = Path.Combine(temp.Path, "report.html");
        var json = Path.Combine(temp.Path, "report.json");
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples", "--format", $"html={html}", "--format", $"json={json}");
        Assert.True(exit == 1, $"exit {exit}: {console.StdErr}");
        var report = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var summary = report.GetProperty("summary");
        var findings = report.GetProperty("findings").EnumerateArray().ToList();
        int Count(string level) => findings.Count(f => f.GetProperty("level").GetString() == level);

        await using var session = await BrowserSession.OpenAsync(chromium.Browser, html);
        var page = session.Page;

        await session.ScreenshotAsync("samples-first-screen.png", log, fullPage: false);

        // The summary shows what the report holds.
        Assert.Equal(summary.GetProperty("errors").GetInt32().ToString(), await page.Locator("[data-count=error]").InnerTextAsync());
        Assert.Equal(summary.GetProperty("warnings").GetInt32().ToString(), await page.Locator("[data-count=warning]").InnerTextAsync());
        Assert.Equal(summary.GetProperty("notes").GetInt32().ToString(), await page.Locator("[data-count=note]").InnerTextAsync());
        Assert.Equal(summary.GetProperty("filesLinted").GetInt32().ToString(), await page.Locator("[data-count=files-linted]").InnerTextAsync());
        Assert.Equal(summary.GetProperty("filesSkipped").GetInt32().ToString(), await page.Locator("[data-count=files-skipped]").InnerTextAsync());
        Assert.Contains(report.GetProperty("version").GetString()!, await page.Locator("header").InnerTextAsync());
        var rows = page.Locator("#finding-rows > div");
        Assert.Equal(findings.Count, await rows.CountAsync());
        Assert.Equal(findings.Count, await page.Locator("#finding-rows > div:visible").CountAsync());

        // Unticking "warning" leaves the errors and notes, and the count says so.
        Assert.True(Count("warning") > 0 && Count("error") > 0, "the samples have errors and warnings");
        await page.Locator("input[name=level][value=warning]").UncheckAsync();
        var withoutWarnings = findings.Count - Count("warning");
        Assert.Equal(withoutWarnings, await page.Locator("#finding-rows > div:visible").CountAsync());
        Assert.Equal(withoutWarnings.ToString(), await page.Locator("#shown-count").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#finding-rows > div[data-level=warning]:visible").CountAsync());

        // One rule, then one policy; "Show all" brings every row back.
        await page.Locator("select[name=rule]").SelectOptionAsync("PL2001");
        Assert.Equal(findings.Count(f => f.GetProperty("ruleId").GetString() == "PL2001"), await page.Locator("#finding-rows > div:visible").CountAsync());
        await page.Locator("button[type=reset]").ClickAsync();
        await page.Locator("select[name=source]").SelectOptionAsync(new SelectOptionValue { Label = "WHfB - Domain Baseline (2)" });
        var visible = page.Locator("#finding-rows > div:visible");
        Assert.Equal(2, await visible.CountAsync());
        Assert.All(await visible.Locator(".src").AllInnerTextsAsync(), name => Assert.Equal("WHfB - Domain Baseline", name));
        await page.Locator("button[type=reset]").ClickAsync();
        Assert.Equal(findings.Count, await page.Locator("#finding-rows > div:visible").CountAsync());

        // The matrix marks the PL2001 pair (MinimumPINLength 6 against 8 in samples/intune) as a conflict.
        var intuneTable = page.Locator("table.matrix").Filter(new() { Has = page.Locator("th.src", new() { HasTextString = "WHfB - PIN Policy (Helpdesk)" }) });
        // Off-screen tenants skip layout (content-visibility), so their innerText can be empty for a frame after scrolling;
        // the text content is what the page holds either way.
        await intuneTable.ScrollIntoViewIfNeededAsync();
        var pinRow = intuneTable.Locator("tbody tr", new() { Has = page.Locator("th.setting small", new() { HasTextString = "MinimumPINLength" }) });
        var conflictCells = pinRow.Locator("td.v.conflict");
        Assert.Equal(2, await conflictCells.CountAsync());
        Assert.Equal(["6", "8"], (await conflictCells.Locator(".val").AllTextContentsAsync()).Order());
        Assert.StartsWith("conflict", await pinRow.Locator("td.eff").TextContentAsync());
        Assert.Contains("conflicts with", await conflictCells.First.GetAttributeAsync("title"));

        // GPO: the deeper OU's GPO wins, and the domain keeps the baseline's value (an OU row shows it).
        var gpoTable = page.Locator("table.matrix").Filter(new() { Has = page.Locator("th.src", new() { HasTextString = "WHfB - Tier 0 Workstations" }) });
        await gpoTable.ScrollIntoViewIfNeededAsync();
        var ouRow = gpoTable.Locator("tr.ou", new() { Has = page.Locator("small", new() { HasTextString = "MinimumPINLength" }) });
        Assert.Contains("at contoso.com", await ouRow.First.Locator("td.scope").TextContentAsync());
        Assert.StartsWith("6", await ouRow.First.Locator("td.eff").TextContentAsync());
        Assert.True(await gpoTable.Locator("td.v.shadowed").CountAsync() > 0, "shadowed settings are marked");

        await session.ScreenshotAsync("samples-report.png", log);
        var tenants = page.Locator("#matrix div.tenant");
        for (var i = 0; i < await tenants.CountAsync(); i++)
        {
            await session.ScreenshotAsync($"samples-matrix-{i + 1}.png", log, tenants.Nth(i));
        }
        session.AssertNothingLeftThePage();
    }

    [BrowserFact]
    public async Task Hostile_policy_and_file_names_stay_text()
    {
        using var temp = new TempDirectory();
        const string ScriptName = "<script>alert(1)</script>";
        const string ImageName = "<img src=x onerror=alert(2)>";
        var assignment = Exports.GroupAssignment("aaaaaaaa-0000-0000-0000-000000000001");
        temp.Write("exports/a.json", Exports.SettingsCatalog(JsonString(ScriptName), Exports.Choice("usepassportforwork", "true"), assignment, id: "11111111-0000-0000-0000-0000000000a1"));
        temp.Write("exports/\"><svg onload=alert(3)>.json", Exports.SettingsCatalog(JsonString(ImageName), Exports.Choice("usepassportforwork", "false"), assignment, id: "11111111-0000-0000-0000-0000000000a2"));
        var html = Path.Combine(temp.Path, "report.html");
        var (exit, console) = TestConsole.Run(temp.Path, "lint", "exports", "--format", $"html={html}");
        Assert.True(exit == 1, $"exit {exit}: {console.StdErr}");

        await using var session = await BrowserSession.OpenAsync(chromium.Browser, html);
        var page = session.Page;

        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("img, svg, iframe, object, embed").CountAsync());
        Assert.True(await page.Locator("#finding-rows .src", new() { HasTextString = ScriptName }).CountAsync() > 0, "the name is shown as text");
        Assert.True(await page.Locator("table.matrix th.src", new() { HasTextString = ImageName }).CountAsync() > 0, "the name is shown as text");
        Assert.True(await page.Locator("table.matrix td.v.conflict").CountAsync() == 2, "the two profiles conflict");
        await session.ScreenshotAsync("hostile-names.png", log);
        Assert.Empty(session.Dialogs);
        session.AssertNothingLeftThePage();
    }

    private static string JsonString(string text) => JsonSerializer.Serialize(text)[1..^1];

    /// <summary>One browser with one page on a report file, recording every request, dialog and console error.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly IBrowserContext _context;
        private readonly string _url;

        private BrowserSession(IBrowserContext context, IPage page, string url)
        {
            _context = context;
            _url = url;
            Page = page;
        }

        public IPage Page { get; }

        public List<string> Requests { get; } = [];

        public List<string> Dialogs { get; } = [];

        public List<string> ConsoleErrors { get; } = [];

        public static async Task<BrowserSession> OpenAsync(IBrowser browser, string htmlPath)
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
            var page = await context.NewPageAsync();
            var url = new Uri(htmlPath).AbsoluteUri;
            var session = new BrowserSession(context, page, url);
            page.Request += (_, request) => session.Requests.Add(request.Url);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    session.ConsoleErrors.Add(message.Text);
                }
            };
            page.Dialog += async (_, dialog) =>
            {
                session.Dialogs.Add(dialog.Message);
                await dialog.DismissAsync();
            };
            var response = await page.GotoAsync(url);
            Assert.NotNull(response);
            return session;
        }

        /// <summary>The page asked for nothing but itself, and its own style and script ran (a CSP error would be logged).</summary>
        public void AssertNothingLeftThePage()
        {
            Assert.All(Requests, request => Assert.Equal(_url, request));
            Assert.Empty(ConsoleErrors);
        }

        public async Task ScreenshotAsync(string name, ITestOutputHelper log, ILocator? element = null, bool fullPage = true)
        {
            Directory.CreateDirectory(ArtifactFolder);
            var path = Path.Combine(ArtifactFolder, name);
            if (!fullPage)
            {
                await Page.ScreenshotAsync(new() { Path = path });
            }
            else if (element is null)
            {
                // A viewport as tall as the page: rows off-screen are not rendered (content-visibility), so a full-page
                // capture of a normal viewport would show them blank.
                var height = await Page.EvaluateAsync<int>("document.documentElement.scrollHeight");
                var viewport = Page.ViewportSize!;
                await Page.SetViewportSizeAsync(viewport.Width, height);
                await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
                await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            }
            else
            {
                await element.ScreenshotAsync(new() { Path = path });
            }

            log.WriteLine($"screenshot: {path}");
        }

        public async ValueTask DisposeAsync()
        {
            await _context.DisposeAsync();
        }
    }
}
