using System.Diagnostics;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// Finds the installed server programs and, where they are missing and we may (root on Debian or Ubuntu),
/// installs Debian's packages with apt-get, streaming its progress. Anywhere else it stops with the exact
/// command to run, because guessing at another package manager helps nobody.
/// </summary>
public static class ServerBinaries
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _aptUpdated;

    public static string? PostgresBinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static string? RedisServer() => FindOnPath("redis-server");

    public static string? RabbitMqServer() =>
        File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server") ? "/usr/lib/rabbitmq/bin/rabbitmq-server" : null;

    /// <summary>epmd from the Erlang runtime RabbitMQ runs on; we start our own on a private port.</summary>
    public static string? Epmd()
    {
        if (Directory.Exists("/usr/lib/erlang"))
        {
            var bundled = Directory.GetDirectories("/usr/lib/erlang", "erts-*")
                .Select(dir => Path.Combine(dir, "bin", "epmd"))
                .FirstOrDefault(File.Exists);
            if (bundled is not null)
            {
                return bundled;
            }
        }

        return FindOnPath("epmd");
    }

    /// <summary>Returns the path <paramref name="locate"/> finds, installing <paramref name="debianPackage"/> first
    /// when it finds nothing.</summary>
    public static async Task<string> RequireAsync(
        string serverName, Func<string?> locate, string debianPackage, Action<string> log, CancellationToken cancellationToken)
    {
        if (locate() is { } found)
        {
            return found;
        }

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (locate() is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            var command = $"apt-get install -y {debianPackage}";
            if (!ServiceUser.IsRoot || !IsDebianFamily())
            {
                throw new InvalidOperationException(
                    $"{serverName} is not installed. Install it with `sudo {command}` (Debian/Ubuntu), or give the " +
                    $"AppHost a connection string to an existing {serverName} (ConnectionStrings__<name>: see the README).");
            }

            log($"{serverName} is not installed: running `{command}`");
            if (!_aptUpdated)
            {
                await RunAsync("apt-get", ["update"], log, cancellationToken);
                _aptUpdated = true;
            }

            await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", debianPackage], log, cancellationToken);
            return locate() ?? throw new InvalidOperationException(
                $"`{command}` finished but {serverName} is still not where expected.");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static bool IsDebianFamily() => File.Exists("/etc/debian_version");

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin"])
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static async Task RunAsync(string fileName, string[] arguments, Action<string> log, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Debian's maintainer scripts would try to start the service system-wide; we run our own instances.
        startInfo.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        startInfo.Environment["RUNLEVEL"] = "1";

        using var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` failed with exit code {process.ExitCode}.");
        }
    }
}
