using SpecialistPlatform.Cli.Load;
using Shouldly;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class ProcessCpuTests
{
    [Fact]
    public void A_stat_line_gives_the_parent_and_user_plus_system_ticks_even_with_brackets_in_the_name()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        var ticks = ProcessCpu.ParseStat("4242 (postgres: x (y)) S 17 4242 4242 0 -1 4194560 120 0 0 0 250 30 0 0 20 0 1 0 100 0");

        ticks.ShouldNotBeNull();
        ticks.Parent.ShouldBe(17);
        ticks.Ticks.ShouldBe(280);
        ticks.Pid.ShouldBe(4242);
    }

    [Fact]
    public void A_group_counts_its_roots_and_every_descendant_once()
    {
        var processes = new Dictionary<int, ProcessCpu.ProcessTicks>
        {
            [1] = new(0, 1000),
            [10] = new(1, 100), // postmaster
            [11] = new(10, 20), // a backend
            [12] = new(11, 5), // a backend's child
            [20] = new(1, 300), // a service
        };

        var seconds = ProcessCpu.Sum(processes, new Dictionary<string, int[]> { ["postgres"] = [10, 11], ["gateway"] = [20], ["gone"] = [99] });

        seconds["postgres"].ShouldBe(1.25);
        seconds["gateway"].ShouldBe(3.0);
        seconds["gone"].ShouldBe(0);
    }
}
