namespace SpecialistPlatform.MachineLearning.Artifacts;

/// <summary>A model file is missing, corrupt, truncated or of a format this build cannot read.</summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
