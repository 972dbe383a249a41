using System.Diagnostics;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// Each server runs as its own service user (postgres, redis, rabbitmq) when the AppHost runs as root: Postgres refuses
/// root outright, and a broker or cache running as root would give anyone who breaks into it the machine. The
/// orchestrator starts the command we give it, so the command is <c>setpriv</c>, which drops to the user and then
/// execs the server: the pid the dashboard shows is the server's own, and signals reach it directly.
/// </summary>
public static class ServiceUser
{
    private const string SetPriv = "/usr/bin/setpriv";

    public static bool IsRoot => Environment.IsPrivilegedProcess && OperatingSystem.IsLinux();

    /// <summary>The command to start <paramref name="program"/> as <paramref name="user"/>, and the arguments that
    /// come before the program's own.</summary>
    public static (string Command, string[] Prefix) Wrap(string program, string user) =>
        IsRoot ? (SetPriv, [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program]) : (program, []);

    /// <summary>Gives the folder to the service user, after checking that the user can reach it at all.</summary>
    public static async Task GiveFolderAsync(string directory, string user, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        if (!IsRoot || !OperatingSystem.IsLinux())
        {
            return;
        }

        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (!File.GetUnixFileMode(parent).HasFlag(UnixFileMode.OtherExecute))
            {
                throw new InvalidOperationException(
                    $"The '{user}' user cannot reach {directory} because {parent} is not traversable by others. " +
                    "Choose a data folder outside it, e.g. --Platform:DataDirectory=/var/lib/specialist-platform.");
            }
        }

        using var chown = Process.Start("chown", ["-R", $"{user}:{user}", directory]);
        await chown.WaitForExitAsync(cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {directory} to the '{user}' user (chown exit code {chown.ExitCode}).");
        }
    }

    /// <summary>Runs a one-off helper (initdb) as the user to completion, failing with its output.</summary>
    public static async Task RunAsync(string program, string user, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (command, prefix) = Wrap(program, user);
        var startInfo = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in prefix.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {await error}{await output}");
        }
    }
}
