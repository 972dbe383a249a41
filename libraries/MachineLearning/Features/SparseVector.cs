namespace SpecialistPlatform.MachineLearning.Features;

/// <summary>A sparse vector: strictly increasing indices with their values.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public int Count => Indices.Length;
}
