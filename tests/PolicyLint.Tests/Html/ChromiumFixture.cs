using Microsoft.Playwright;

namespace PolicyLint.Tests.Html;

/// <summary>One system Chromium for the browser tests of a class; each test opens its own context (fresh cookies, storage).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException($"no browser: {SystemChromium.UnavailableReason}");

    public async Task InitializeAsync()
    {
        // xUnit builds class fixtures even when every test is skipped: without a browser there is nothing to start.
        if (SystemChromium.UnavailableReason is not null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await SystemChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
