namespace SpecialistPlatform.Console.Gateway;

/// <summary>The gateway refused or failed a call; <see cref="Title"/> and <see cref="Detail"/> are its problem details.</summary>
public sealed class GatewayProblemException(int status, string title, string detail)
    : Exception($"The gateway answered {status}: {title}. {detail}")
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
}
