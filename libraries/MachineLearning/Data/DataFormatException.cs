namespace SpecialistPlatform.MachineLearning.Data;

/// <summary>Input data that cannot be used, with a message that says where and why.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string message)
        : base(message)
    {
    }

    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
