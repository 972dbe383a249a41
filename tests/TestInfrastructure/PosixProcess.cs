using System.Runtime.InteropServices;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>
/// The few POSIX calls .NET does not expose: sending a chosen signal (Process.Kill only sends SIGKILL, which
/// gives Postgres or RabbitMQ no chance to shut down cleanly) and asking whether we run as root.
/// </summary>
public static partial class PosixProcess
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint SysGetEffectiveUserId();

    public static bool IsRoot => OperatingSystem.IsLinux() && SysGetEffectiveUserId() == 0;

    public static bool Signal(int pid, int signal) => SysKill(pid, signal) == 0;

    /// <summary>True while a process with this pid exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0 || SysKill(pid, 0) != 0)
        {
            return false;
        }

        try
        {
            // /proc/<pid>/stat: "pid (comm) S ...": a zombie has exited and only waits to be reaped.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The executable's file name of a running process, used to check that a pid from a pid file is
    /// still the server we started and not an unrelated process that reused the number.</summary>
    public static string? CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Sends <paramref name="signal"/> and waits for the process to go; escalates to SIGKILL after the
    /// grace period. Returns true when the process is gone.</summary>
    public static async Task<bool> StopAsync(int pid, int signal, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!IsAlive(pid))
        {
            return true;
        }

        Signal(pid, signal);
        if (await WaitForExitAsync(pid, grace, cancellationToken))
        {
            return true;
        }

        Signal(pid, SigKill);
        return await WaitForExitAsync(pid, TimeSpan.FromSeconds(5), cancellationToken);
    }

    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }
}
