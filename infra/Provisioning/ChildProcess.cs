using System.Diagnostics;

namespace SpecialistPlatform.Provisioning;

/// <summary>What to start: a program, its arguments and environment, and optionally the service user to run
/// it as (Postgres refuses root; RabbitMQ's data must belong to its own user).</summary>
public sealed record ChildProcessSpec(string Resource, string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    public string? WorkingDirectory { get; init; }
    public string? RunAsUser { get; init; }
}

/// <summary>
/// A process started in its own session (setsid), so a Ctrl+C in the terminal reaches only the AppHost, which
/// then stops every child in order. setsid and setpriv exec in place, so the pid we hold is the server's own.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, string resource)
    {
        _process = process;
        Resource = resource;
        Exited = process.WaitForExitAsync();
    }

    public string Resource { get; }
    public int Pid => _process.Id;
    public Task Exited { get; }
    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ChildProcess Start(ChildProcessSpec spec, ProcessLog log)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };

        if (spec.RunAsUser is { } user)
        {
            startInfo.ArgumentList.Add("setpriv");
            startInfo.ArgumentList.Add($"--reuid={user}");
            startInfo.ArgumentList.Add($"--regid={user}");
            startInfo.ArgumentList.Add("--init-groups");
            startInfo.ArgumentList.Add("--");
        }

        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log(spec.Resource, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log(spec.Resource, e.Data); };
        if (!process.Start())
        {
            throw new ProvisioningException($"Could not start {spec.Resource} ({spec.FileName}).");
        }

        // Nothing is ever typed into a child: closing stdin tells tools that would wait on it not to.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, spec.Resource);
    }

    public Task<bool> StopAsync(int signal, TimeSpan grace, CancellationToken cancellationToken = default) =>
        PosixProcess.StopAsync(Pid, signal, grace, cancellationToken);

    public void Dispose() => _process.Dispose();
}
