namespace SpecialistPlatform.Cli.Load;

/// <summary>
/// CPU time and memory of the platform's processes, each counted with all its descendants (Postgres serves
/// every connection from a child process), read from Linux's /proc. Two CPU snapshots around a load run say where a
/// job's CPU went; memory sampled during the run says what overload costs in RAM.
/// </summary>
public static class ProcessCpu
{
    /// <summary>The unit of /proc's utime and stime: USER_HZ, 100 on Linux for every architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <param name="Pid">The process, where known (read from /proc; tests build trees without it).</param>
    public sealed record ProcessTicks(int Parent, long Ticks, int? Pid = null);

    /// <summary>Seconds of CPU (user + system) per named group of root pids; empty where /proc cannot be read.</summary>
    public static IReadOnlyDictionary<string, double> Snapshot(IReadOnlyDictionary<string, int[]> roots) =>
        OperatingSystem.IsLinux() ? Sum(ReadProc(), roots) : new Dictionary<string, double>();

    /// <summary>Memory per named group of root pids, descendants included, now: the proportional set size (Pss from
    /// /proc/PID/smaps_rollup), which charges each shared page to its sharers in part. Summing plain RSS would count
    /// Postgres's shared buffers once for every backend (4 GB for a Postgres that holds well under 1 GB).</summary>
    public static IReadOnlyDictionary<string, long> ProportionalBytes(IReadOnlyDictionary<string, int[]> roots) =>
        OperatingSystem.IsLinux()
            ? SumOver(ReadProc(), roots, p => p.Pid is { } pid ? ProportionalKilobytes(pid) : 0).ToDictionary(p => p.Key, p => p.Value * 1024)
            : new Dictionary<string, long>();

    private static long ProportionalKilobytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // Gone, or not ours to read.
        }

        return 0;
    }

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

        // After ") ": state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime.
        var fields = line[(end + 2)..].Split(' ');
        return fields.Length > 12 && int.TryParse(fields[1], out var parent) && long.TryParse(fields[11], out var user) && long.TryParse(fields[12], out var system)
            ? new ProcessTicks(parent, user + system, int.TryParse(line.AsSpan(0, line.IndexOf(' ')), out var pid) ? pid : null)
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
