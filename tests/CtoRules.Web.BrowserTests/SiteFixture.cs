using System.Diagnostics;
using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// One started host and one Chromium (Debian's /usr/bin/chromium) for the whole collection. The
/// first-run admin steps run once, through the UI, the first time a test asks for the accounts.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminPassword = "Admin-Chosen-Password-1";
    public const string AuthorPassword = "Author-Chosen-Password-1";
    public const string AuditorName = "audrey";
    public const string AuditorPassword = "Auditor-Password-1234";
    public const string ReviewerName = "rita";
    public const string ReviewerPassword = "Reviewer-Password-1234";

    private readonly SemaphoreSlim _accountsLock = new(1, 1);
    private bool _accountsReady;
    private IPlaywright? _playwright;

    public SiteHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string AuthorName => "ann";

    public static string Screenshots { get; } = Path.Combine(SiteHost.RepoRoot, "artifacts", "screenshots");

    /// <summary>The pack signing key made for this run by <c>ctorules keygen</c>, outside the repository and the host's folders.</summary>
    public string SigningKeyPath => Path.Combine(_keys, "pack-signing.pem");

    public string SigningPublicKeyPath => Path.Combine(_keys, "pack-signing.pub.pem");

    /// <summary>A CDS Hooks client trusted by the host (its JWKS is in the host's configuration).</summary>
    public CtoRules.Web.Tests.CdsTestClient CdsClient { get; } = new();

    private readonly string _keys = Path.Combine(Path.GetTempPath(), "ctorules-site-keys-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        Host = await SiteHost.StartAsync(ConfigureAsync);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }

    // Before the host starts: a signing key from the real CLI, its public key beside the packs (as an
    // administrator installs it, so the advisor and diff verify what the site publishes), and the CDS client.
    private async Task<IReadOnlyDictionary<string, string>> ConfigureAsync(string root)
    {
        await RunCliAsync("", "keygen", "--out", SigningKeyPath);
        File.Copy(SigningPublicKeyPath, Path.Combine(root, "packs", "site-test-signing.pub.pem"));
        return new Dictionary<string, string>
        {
            ["Review__SigningKeyPath"] = SigningKeyPath,
            ["CdsHooks__Clients__0__Issuer"] = CtoRules.Web.Tests.CdsTestClient.Issuer,
            ["CdsHooks__Clients__0__Jwks"] = CdsClient.Jwks(),
        };
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        // Generous: the 2-core CI machine may be busy; nothing here asserts a duration.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Once: the admin signs in with the printed one-time password, changes it and adds the author
    /// in the users page; the author changes their one-time password; the auditor and the reviewer are
    /// added with the real CLI (<c>ctorules user add --password-stdin</c>) on the same database.
    /// </summary>
    public async Task EnsureAccountsAsync()
    {
        await _accountsLock.WaitAsync();
        try
        {
            if (_accountsReady) return;
            var page = await NewPageAsync();
            await SignInAsync(page, "admin", await Host.AdminPassword);
            await page.WaitForURLAsync("**/Account/ChangePassword");
            await Screenshot(page, "account-change-password");
            await ChangePasswordAsync(page, await Host.AdminPassword, AdminPassword);

            await page.GotoAsync("/admin/users");
            await WaitForCircuitAsync(page);
            await Input(page, "new-user-name").FillAsync(AuthorName);
            await page.GetByTestId("add-user").ClickAsync();
            var oneTime = await page.GetByTestId("one-time-password").InnerTextAsync();
            await Screenshot(page, "admin-users");
            await AxeAssert.NoSeriousViolationsAsync(page, "admin users");
            await page.Context.CloseAsync();

            var author = await NewPageAsync();
            await SignInAsync(author, AuthorName, oneTime);
            await author.WaitForURLAsync("**/Account/ChangePassword");
            await ChangePasswordAsync(author, oneTime, AuthorPassword);
            await author.Context.CloseAsync();

            await RunCliAsync(AuditorPassword, "user", "add", AuditorName, "--role", "auditor", "--password-stdin", "--data", Host.DataDirectory);
            await RunCliAsync(ReviewerPassword, "user", "add", ReviewerName, "--role", "reviewer", "--password-stdin", "--data", Host.DataDirectory);
            _accountsReady = true;
        }
        finally
        {
            _accountsLock.Release();
        }
    }

    public async Task<IPage> SignedInPageAsync(string name, string password)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, name, password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#username").FillAsync(name);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static async Task ChangePasswordAsync(IPage page, string current, string chosen)
    {
        await page.Locator("#current").FillAsync(current);
        await page.Locator("#new").FillAsync(chosen);
        await page.Locator("#confirm").FillAsync(chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/ChangePassword", StringComparison.Ordinal));
    }

    /// <summary>Waits until the Blazor circuit is connected: clicks before that are lost.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Opens a rule's editor and puts the caret at the end of its condition (Monaco).</summary>
    public static async Task<ILocator> OpenConditionAtEndAsync(IPage page, string ruleId)
    {
        await page.GotoAsync($"/rules/{ruleId}/edit");
        await WaitForCircuitAsync(page);
        var editor = page.Locator("#condition-editor");
        await editor.Locator(".view-lines").WaitForAsync();
        await editor.Locator("textarea").First.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        return editor;
    }

    /// <summary>The input of a MudBlazor field carrying <c>data-testid</c> (on the input or its wrapper).</summary>
    public static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input").First;

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Runs the real CLI (built beside the host); fails the test on a non-zero exit; returns its output.</summary>
    public static async Task<string> RunCliAsync(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(SiteHost.BuildOutput("CtoRules.Cli", "ctorules.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, output);
        return output;
    }
}
