namespace SpecialistPlatform.Cli.Load;

/// <summary>
/// CPU time and resident memory of the platform's processes, each counted with all its descendants (Postgres serves
/// every connection from a child process), read from Linux's /proc. Two CPU snapshots around a load run say where a
/// job's CPU went; memory sampled during the run says what overload costs in RAM.
/// </summary>
public static class ProcessCpu
{
    /// <summary>The unit of /proc's utime and stime: USER_HZ, 100 on Linux for every architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <param name="RssPages">Resident set size in pages (0 where the stat line is too short to hold it).</param>
    public sealed record ProcessTicks(int Parent, long Ticks, long RssPages = 0);

    /// <summary>Seconds of CPU (user + system) per named group of root pids; empty where /proc cannot be read.</summary>
    public static IReadOnlyDictionary<string, double> Snapshot(IReadOnlyDictionary<string, int[]> roots) =>
        OperatingSystem.IsLinux() ? Sum(ReadProc(), roots) : new Dictionary<string, double>();

    /// <summary>Resident bytes per named group of root pids, descendants included, now.</summary>
    public static IReadOnlyDictionary<string, long> ResidentBytes(IReadOnlyDictionary<string, int[]> roots) =>
        OperatingSystem.IsLinux()
            ? SumOver(ReadProc(), roots, p => p.RssPages).ToDictionary(p => p.Key, p => p.Value * Environment.SystemPageSize)
            : new Dictionary<string, long>();

    public static IReadOnlyDictionary<string, double> Sum(IReadOnlyDictionary<int, ProcessTicks> processes, IReadOnlyDictionary<string, int[]> roots) =>
        SumOver(processes, roots, p => p.Ticks).ToDictionary(p => p.Key, p => p.Value / TicksPerSecond);

    private static Dictionary<string, long> SumOver(
        IReadOnlyDictionary<int, ProcessTicks> processes, IReadOnlyDictionary<string, int[]> roots, Func<ProcessTicks, long> value)
    {
        var children = processes.ToLookup(p => p.Value.Parent, p => p.Key);
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, pids) in roots)
        {
            long sum = 0;
            var pending = new Stack<int>(pids.Where(processes.ContainsKey));
            var seen = new HashSet<int>();
            while (pending.TryPop(out var pid))
            {
                if (!seen.Add(pid))
                {
                    continue;
                }

                sum += value(processes[pid]);
                foreach (var child in children[pid])
                {
                    pending.Push(child);
                }
            }

            sums[name] = sum;
        }

        return sums;
    }

    /// <summary>Parent pid and utime + stime from a /proc/PID/stat line; the command name in brackets may hold
    /// spaces and brackets, so fields are counted from the last ')'.</summary>
    public static ProcessTicks? ParseStat(string line)
    {
        var end = line.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        // After ") ": state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime,
        // cutime, cstime, priority, nice, num_threads, itrealvalue, starttime, vsize, rss.
        var fields = line[(end + 2)..].Split(' ');
        var rss = fields.Length > 21 && long.TryParse(fields[21], out var pages) ? pages : 0;
        return fields.Length > 12 && int.TryParse(fields[1], out var parent) && long.TryParse(fields[11], out var user) && long.TryParse(fields[12], out var system)
            ? new ProcessTicks(parent, user + system, rss)
            : null;
    }

    private static Dictionary<int, ProcessTicks> ReadProc()
    {
        var processes = new Dictionary<int, ProcessTicks>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (ParseStat(File.ReadAllText(Path.Combine(directory, "stat"))) is { } ticks)
                {
                    processes[pid] = ticks;
                }
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }

        return processes;
    }
}
