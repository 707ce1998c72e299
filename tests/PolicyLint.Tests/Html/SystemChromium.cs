using Microsoft.Playwright;

namespace PolicyLint.Tests.Html;

/// <summary>
/// The Chromium installed on this machine (Debian's chromium, or Chrome on hosted runners), driven by Playwright
/// through <c>ExecutablePath</c>: no browser is ever downloaded. Whether it can be launched is found out once, by
/// launching it, so a machine without a working browser skips the browser tests with the reason instead of passing them.
/// </summary>
public static class SystemChromium
{
    /// <summary>The names looked up on PATH, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chromium", "chromium-browser", "google-chrome"];

    private static readonly Lazy<string?> Probe = new(ProbeLaunch, LazyThreadSafetyMode.ExecutionAndPublication);

    static SystemChromium()
    {
        // Belt and braces: nothing in these tests installs browsers, and nothing may try to.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    }

    public static string? ExecutablePath { get; } = FindOnPath();

    /// <summary>Why no browser test can run here, or null when the browser launched.</summary>
    public static string? UnavailableReason => Probe.Value;

    /// <summary>
    /// Headless, no GPU, and no background traffic: the machine has no network, and Chromium's background services
    /// would otherwise fill the log with refused connections. Root needs --no-sandbox. Playwright gives every launch
    /// a fresh temporary --user-data-dir of its own (and refuses one in Args), so no profile is shared between runs.
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Timeout = 60_000,
        Args =
        [
            .. IsRoot ? ["--no-sandbox"] : Array.Empty<string>(),
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    };

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(LaunchOptions());

    private static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static string? FindOnPath()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Names)
        {
            foreach (var folder in folders)
            {
                foreach (var candidate in OperatingSystem.IsWindows() ? [name + ".exe"] : new[] { name })
                {
                    var path = Path.Combine(folder, candidate);
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }
        }

        return null;
    }

    private static string? ProbeLaunch()
    {
        if (ExecutablePath is null)
        {
            return $"no browser: none of {string.Join(", ", Names)} is on PATH (.ci/run installs Debian's chromium when apt-get can)";
        }

        try
        {
            Task.Run(async () =>
            {
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await LaunchAsync(playwright);
                await using var context = await browser.NewContextAsync();
                var page = await context.NewPageAsync();
                await page.SetContentAsync("<p>probe</p>");
            }).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex)
        {
            // Playwright's message is its first line, then the browser's whole log: keep what the browser said on stderr.
            var lines = ex.Message.Split('\n', StringSplitOptions.TrimEntries);
            var said = lines.Where(l => l.StartsWith("[pid=", StringComparison.Ordinal) && l.Contains("][err] ", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf("][err] ", StringComparison.Ordinal) + 7)..]).Distinct().Take(3);
            return $"no browser: {ExecutablePath} could not be launched: {string.Join("; ", new[] { lines[0] }.Concat(said))}";
        }
    }
}
