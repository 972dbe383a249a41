using System.Diagnostics;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>How long one benchmark pass took: on this thread's CPU (<see cref="ThreadCpuClock"/>), on the wall
/// clock, and on the whole process's CPU (which adds the GC and JIT threads).</summary>
internal readonly record struct PassTime(double CpuMs, double WallMs, double ProcessCpuMs)
{
    public static PassTime Of(Action pass)
    {
        var process = Process.GetCurrentProcess();
        var processBefore = process.TotalProcessorTime;
        var cpuBefore = ThreadCpuClock.Now();
        var wallBefore = Stopwatch.GetTimestamp();
        pass();
        var wall = Stopwatch.GetElapsedTime(wallBefore);
        var cpu = ThreadCpuClock.Now() - cpuBefore;
        process.Refresh();
        return new PassTime(cpu.TotalMilliseconds, wall.TotalMilliseconds, (process.TotalProcessorTime - processBefore).TotalMilliseconds);
    }

    public static PassTimes Repeat(int passes, Action pass) =>
        new([.. Enumerable.Range(0, passes).Select(_ => Of(pass))]);
}

/// <summary>Best (least) and median of repeated passes: the best is the least disturbed by other load, the
/// median shows how far typical passes sit from it.</summary>
internal sealed record PassTimes(IReadOnlyList<PassTime> Passes)
{
    public double BestCpuMs => Passes.Min(p => p.CpuMs);
    public double MedianCpuMs => Median(p => p.CpuMs);
    public double BestWallMs => Passes.Min(p => p.WallMs);
    public double MedianWallMs => Median(p => p.WallMs);
    public double MedianProcessCpuMs => Median(p => p.ProcessCpuMs);

    private double Median(Func<PassTime, double> measure)
    {
        var sorted = Passes.Select(measure).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
