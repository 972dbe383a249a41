using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data;
using SpecialistPlatform.Provisioning;

namespace SpecialistPlatform.AppHost;

/// <summary>
/// Brings the declared resources up in order (servers in parallel, then the schema, then the services in
/// parallel), prints the resource table and writes it to apphost-state.json, and stops everything by pid.
/// </summary>
public sealed class PlatformHost(AppHostOptions options, ConsoleLog log) : IAsyncDisposable
{
    private readonly List<(string ConnectionName, string? External, LocalServer? Local)> _servers = [];
    private readonly List<ServiceProcess> _services = [];
    private readonly Dictionary<string, (string Project, int Port, IReadOnlyDictionary<string, string> Settings)> _declaredServices = [];

    public string StateFile => Path.Combine(options.DataDirectory, "apphost-state.json");

    /// <summary>A server: the external connection string when one is given, else a private local instance.</summary>
    public void AddServer(string connectionName, string? externalConnection, Func<LocalServerOptions, LocalServer> createLocal)
    {
        var local = externalConnection is null
            ? createLocal(new LocalServerOptions
            {
                DataDirectory = Path.Combine(options.DataDirectory, connectionName),
                Durable = true,
                Log = log.Sink,
                StartTimeout = options.StartTimeout,
            })
            : null;
        _servers.Add((connectionName, externalConnection, local));
    }

    /// <summary>A service by its project folder under services/; port 0 picks a free one. Settings are extra
    /// configuration in environment-variable form (Section__Key).</summary>
    public void AddService(string name, string project, int port = 0, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (options.Services.Contains(name))
        {
            _declaredServices[name] = (project, FreePort.OrNext(port), settings ?? new Dictionary<string, string>());
        }
    }

    public async Task StartAsync(Task shutdownRequested)
    {
        var total = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource();
        _ = shutdownRequested.ContinueWith(_ => cancel.Cancel(), TaskScheduler.Default);

        log.Info($"data folder: {options.DataDirectory}");
        if (options.Reset)
        {
            await ResetAsync();
        }

        Directory.CreateDirectory(options.DataDirectory);
        await Task.WhenAll(_servers.Where(s => s.Local is not null).Select(s => s.Local!.StartAsync(cancel.Token)));
        var connectionStrings = _servers.ToDictionary(s => s.ConnectionName, s => s.External ?? s.Local!.ConnectionString);

        var migrations = Stopwatch.StartNew();
        var applied = await DataExtensions.MigrateAsync(connectionStrings[ResourceNames.ConnectionStrings.PlatformDatabase], cancel.Token);
        log.Info(applied.Count == 0
            ? $"schema is up to date ({migrations.ElapsedMilliseconds} ms)"
            : $"schema: applied {string.Join(", ", applied)} ({migrations.ElapsedMilliseconds} ms)");

        var devKey = await DevelopmentTenant.EnsureAsync(connectionStrings[ResourceNames.ConnectionStrings.PlatformDatabase], options.DataDirectory, cancel.Token);

        // Services connect as the restricted role (audit rows: insert and read only) on the private Postgres.
        if (_servers.Single(s => s.ConnectionName == ResourceNames.ConnectionStrings.PlatformDatabase).Local is not null)
        {
            connectionStrings[ResourceNames.ConnectionStrings.PlatformDatabase] = new Npgsql.NpgsqlConnectionStringBuilder(
                connectionStrings[ResourceNames.ConnectionStrings.PlatformDatabase]) { Username = ResourceNames.ServiceDatabaseRole }.ConnectionString;
        }

        var ports = _declaredServices.ToDictionary(s => s.Key, s => s.Value.Port);
        foreach (var (name, (project, port, settings)) in _declaredServices)
        {
            var environment = ServiceProcess.Environment(name, port, options.Environment, connectionStrings, ports);
            foreach (var (key, value) in settings)
            {
                environment[key] = value;
            }

            _services.Add(new ServiceProcess(name, ServiceAssembly(project), port, environment, log));
        }

        await Task.WhenAll(_services.Select(service => service.StartAsync(options.StartTimeout, cancel.Token)));

        var table = ResourceTable();
        log.Block(table);
        log.Info($"development API key (tenant '{DevelopmentTenant.TenantId}', roles submitter, auditor, admin): {devKey}");
        log.Info($"all resources healthy in {total.Elapsed.TotalSeconds:0.0} s; press Ctrl+C to stop");
        await WriteStateAsync("Running");
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_services.Select(service => service.StopAsync()));
        await Task.WhenAll(_servers.Where(s => s.Local is not null).Select(s => s.Local!.StopAsync()));
        if (Directory.Exists(options.DataDirectory))
        {
            await WriteStateAsync("Stopped");
        }

        log.Info("stopped everything it started; data kept in " + options.DataDirectory);
    }

    private string ResourceTable()
    {
        var rows = new List<string[]> { new[] { "RESOURCE", "STATE", "PID", "URL" } };
        foreach (var (connectionName, external, local) in _servers)
        {
            rows.Add(local is null
                ? [connectionName, "External", "-", Redact(external!)]
                : [local.Name, "Running", string.Join(",", local.Pids), local.ConnectionString]);
            if (local is LocalRabbitMq { ManagementUrl: { } management })
            {
                rows.Add(["rabbitmq-management", "Running", "-", management]);
            }
        }

        rows.AddRange(_services.Select(service => new[] { service.Name, service.State, service.Pid?.ToString() ?? "-", service.Url }));
        rows.Add(["openapi", "-", "-", _services.FirstOrDefault(s => s.Name == ResourceNames.Services.Gateway) is { } gateway ? $"{gateway.Url}/swagger" : "-"]);

        var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder().AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine("  " + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>The table as JSON beside the data, for scripts and tests that need the pids and URLs.</summary>
    private Task WriteStateAsync(string state) =>
        File.WriteAllTextAsync(StateFile, JsonSerializer.Serialize(new
        {
            state,
            appHostPid = Environment.ProcessId,
            servers = _servers.Where(s => s.Local is not null).Select(s => new
            {
                name = s.Local!.Name,
                pids = s.Local.Pids,
                connectionString = s.Local.ConnectionString,
            }),
            services = _services.Select(s => new { name = s.Name, state = s.State, pid = s.Pid, url = s.Url, restarts = s.Restarts }),
        }, new JsonSerializerOptions { WriteIndented = true }));

    private async Task ResetAsync()
    {
        if (!Directory.Exists(options.DataDirectory))
        {
            return;
        }

        log.Info($"--reset: stopping anything left running and deleting {options.DataDirectory}");
        await LeftoverProcesses.StopAllAsync(options.DataDirectory, log.Sink);
        Directory.Delete(options.DataDirectory, recursive: true);
    }

    private static string ServiceAssembly(string project)
    {
        var metadata = typeof(PlatformHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var root = metadata["RepositoryRoot"]!;
        var configuration = metadata["BuildConfiguration"]!;
        return Path.Combine(root, "services", project, "bin", configuration, "net10.0", $"SpecialistPlatform.{project}.dll");
    }

    private static string Redact(string connectionString) =>
        System.Text.RegularExpressions.Regex.Replace(connectionString, @"(?i)(password=)[^;]*|(://[^:/@]+:)[^@]*@", match =>
            match.Groups[1].Success ? match.Groups[1].Value + "***" : match.Groups[2].Value + "***@");
}
