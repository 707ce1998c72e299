namespace PolicyLint.Tests.Html;

/// <summary>A fact that needs a real browser: skipped, with the reason, when no system Chromium can be launched.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (SystemChromium.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
