using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpecialistPlatform.Provisioning;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>The built AppHost run as a child process with every port chosen free, its output kept.</summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private AppHostProcess(Process process, string dataDirectory, string assemblyPath)
    {
        AssemblyPath = assemblyPath;
        _process = process;
        _dataDirectory = dataDirectory;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string AssemblyPath { get; }

    public string DataDirectory => _dataDirectory;

    /// <summary>The AppHost built in the test project's configuration (named by its AssemblyMetadata).</summary>
    public static string BuiltAppHost(System.Reflection.Assembly testAssembly) =>
        BuiltProgram.PathOf(testAssembly, "AppHost", "SpecialistPlatform.AppHost");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the AppHost with every port free and its own data folder; extra environment for the platform
    /// (e.g. SPECIALIST_DEV_API_KEY) is passed through.</summary>
    public static AppHostProcess Start(string assemblyPath, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     assemblyPath, "--data-dir", dataDirectory, "--gateway-port", "0", "--postgres-port", "0", "--redis-port", "0",
                     "--rabbitmq-port", "0", "--rabbitmq-management-port", "0",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        return new AppHostProcess(Process.Start(startInfo)!, dataDirectory, assemblyPath);
    }

    public async Task<JsonElement> WaitForStateAsync(string state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {_process.ExitCode}:\n{Output}");
            }

            if (File.Exists(StateFile))
            {
                var current = await ReadStateAsync(cancellationToken);
                if (current.GetProperty("state").GetString() == state)
                {
                    return current;
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The AppHost did not reach '{state}' within {timeout}:\n{Output}");
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"The AppHost did not print '{text}' within {timeout}:\n{Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public int RestartedPid(string service) =>
        int.Parse(RestartedLine().Matches(Output).Last(m => m.Groups["service"].Value == service).Groups["pid"].Value);

    public async Task<JsonElement> ReadStateAsync(CancellationToken cancellationToken)
    {
        // The AppHost rewrites the file as a whole; a read can catch it half-written, so retry once.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(StateFile, cancellationToken));
                return document.RootElement.Clone();
            }
            catch (JsonException) when (attempt < 5)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>SIGTERM, as a service manager or `kill` sends it, and the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        PosixProcess.Signal(_process.Id, PosixProcess.SigTerm);
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            await PosixProcess.StopAsync(_process.Id, PosixProcess.SigTerm, TimeSpan.FromSeconds(60));
        }

        _process.Dispose();
    }

    private string StateFile => Path.Combine(_dataDirectory, "apphost-state.json");

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"(?<service>[a-z-]+) restarted \(pid (?<pid>\d+)")]
    private static partial Regex RestartedLine();
}
