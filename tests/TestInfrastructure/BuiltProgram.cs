using System.Reflection;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>Finds the build output of one of the solution's programs, built in the same configuration as the
/// calling test project (which names it with AssemblyMetadata items BuildConfiguration and RepositoryRoot).</summary>
public static class BuiltProgram
{
    public static string PathOf(Assembly testAssembly, string projectFolder, string assemblyName)
    {
        var metadata = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var path = Path.Combine(metadata["RepositoryRoot"]!, projectFolder, "bin", metadata["BuildConfiguration"]!, "net10.0", assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the solution first.", path);
    }
}
