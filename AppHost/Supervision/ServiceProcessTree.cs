using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.Supervision;

/// <summary>
/// The orchestrator starts a project as <c>dotnet run --no-build</c>, which starts the service as its child: the pid
/// the dashboard shows is the launcher's. Scripts that need the service's own process (the chaos command kills it)
/// get the child's pid from here.
/// </summary>
public static class ServiceProcessTree
{
    /// <summary>The pid the orchestrator reports for an executable or project (for a project, its launcher's).</summary>
    public static int? ReportedPid(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    public static int? ServicePid(int? launcherPid)
    {
        if (launcherPid is not { } pid)
        {
            return null;
        }

        try
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length > 0 && int.TryParse(children[0], out var child) ? child : pid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return pid;
        }
    }
}
