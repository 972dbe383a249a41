namespace SpecialistPlatform.Provisioning;

/// <summary>Finds the pid files our servers leave in a data folder and stops whatever still runs from them, so a
/// folder can be deleted or reused after an AppHost was killed outright.</summary>
public static class LeftoverProcesses
{
    private static readonly HashSet<string> OurServers = ["postgres", "redis-server", "beam.smp", "epmd"];

    public static async Task StopAllAsync(string dataDirectory, ProcessLog log)
    {
        foreach (var pidFile in Directory.EnumerateFiles(dataDirectory, "*.pid", SearchOption.AllDirectories))
        {
            if (!int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) || !PosixProcess.IsAlive(pid))
            {
                continue;
            }

            var name = PosixProcess.CommandName(pid);
            if (name is not null && OurServers.Contains(name))
            {
                log(name, $"stopping pid {pid} left running by an earlier run");
                await PosixProcess.StopAsync(pid, name == "postgres" ? PosixProcess.SigInt : PosixProcess.SigTerm, TimeSpan.FromSeconds(30));
            }
        }
    }
}
