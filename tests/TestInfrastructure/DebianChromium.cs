using System.Diagnostics;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>
/// Debian's Chromium, which browser tests drive through Playwright (no test tool may download a browser here). Installed
/// with apt-get when missing and the tests run as root on Debian, as the AppHost installs its servers.
/// </summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Headless flags for a machine whose network reaches only package mirrors: without the background
    /// networking ones Chromium keeps trying to reach Google's hosts.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<string> RequireAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(ExecutablePath))
        {
            return ExecutablePath;
        }

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(ExecutablePath))
            {
                if (!Environment.IsPrivilegedProcess || !File.Exists("/etc/debian_version"))
                {
                    throw new InvalidOperationException($"{ExecutablePath} is missing: install it with `sudo apt-get install -y chromium`.");
                }

                await RunAsync("apt-get", ["update", "-qq"], cancellationToken);
                await RunAsync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], cancellationToken);
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return ExecutablePath;
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{program} {string.Join(' ', arguments)}` failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
