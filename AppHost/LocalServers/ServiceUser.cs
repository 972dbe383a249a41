using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// Each server runs as its own service user (postgres, redis, rabbitmq) when the AppHost runs as root: Postgres refuses
/// root outright, and a broker or cache running as root would give anyone who breaks into it the machine. The
/// orchestrator starts the command we give it, so the command is <c>env -i</c> then <c>setpriv</c>, each of which execs
/// the next: the pid the dashboard shows is the server's own, and signals reach it directly.
/// <c>env -i</c> because an executable resource inherits the AppHost's whole environment (the frontier API keys,
/// the services' settings) and a server's environment is readable by anyone who becomes its user, e.g. a database
/// superuser through <c>COPY ... FROM PROGRAM</c>: a server gets only <see cref="BaseEnvironment"/> and its own variables.
/// </summary>
public static class ServiceUser
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const string Env = "/usr/bin/env";

    public static bool IsRoot => Environment.IsPrivilegedProcess && OperatingSystem.IsLinux();

    /// <summary>What every server gets whatever the AppHost's environment holds: a search path for the programs its
    /// start scripts run, a UTF-8 locale, and a home folder of its own.</summary>
    public static IEnumerable<string> BaseEnvironment(string home) =>
        ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", $"HOME={home}"];

    /// <summary>The command to start <paramref name="program"/> as <paramref name="user"/> in an environment of
    /// <see cref="BaseEnvironment"/> and <paramref name="ownVariables"/> (NAME=value, a string or a
    /// <see cref="ReferenceExpression"/>) alone, and the arguments that come before the program's own.</summary>
    public static (string Command, object[] Prefix) Wrap(string program, string user, string home, params object[] ownVariables) =>
        (Env, [.. new[] { "-i" }.Concat(BaseEnvironment(home)), .. ownVariables, .. UserSwitch(user), program]);

    private static string[] UserSwitch(string user) =>
        IsRoot ? [SetPriv, $"--reuid={user}", $"--regid={user}", "--init-groups", "--"] : [];

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

    /// <summary>Runs a one-off helper (initdb, a single-user Postgres) as the user, in the same scrubbed environment as
    /// the servers, to completion, with <paramref name="standardInput"/> as its input; fails with its output, and
    /// returns it (what it wrote to standard error first).</summary>
    public static async Task<string> RunAsync(string program, string user, string home, IEnumerable<string> arguments, CancellationToken cancellationToken,
        string? standardInput = null)
    {
        var (command, prefix) = Wrap(program, user, home);
        var startInfo = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in prefix.Cast<string>().Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {await error}{await output}");
        }

        return await error + await output;
    }
}
