using PuppeteerSharp;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>apt-get install -y chromium</c>; CI's .ci/run installs it), driven headless by
/// PuppeteerSharp. Nothing is downloaded at run time: the browser is the one installed at
/// <see cref="ExecutablePath"/> (or <c>CPNLP_CHROMIUM</c>), and a test fails, saying how to install it, when it is missing.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Where the browser is: <c>CPNLP_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CPNLP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Starts the browser headless, or fails the test with how to install it.</summary>
    public static async Task<IBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath),
            $"Chromium is not installed at {ExecutablePath}, and the report.html tests need a real browser. Install it with: apt-get install -y chromium " +
            "(Debian/Ubuntu; CI's .ci/run does this), or set CPNLP_CHROMIUM to a Chrome or Chromium executable.");
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // As root (CI) Chromium needs --no-sandbox; the page is our own file.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
            Timeout = 120_000,
        });
    }
}
