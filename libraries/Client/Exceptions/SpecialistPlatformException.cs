using System.Net;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>
/// The gateway refused a request and said why in problem details (RFC 9457): <see cref="Title"/> names the problem
/// ("Unknown kind", "Text too large", "Job not found"...) and <see cref="Detail"/> says what to change. Subclasses
/// tell the kinds of refusal apart so callers can catch the ones they handle.
/// </summary>
public class SpecialistPlatformException(HttpStatusCode status, string title, string? detail, string? problemType = null)
    : Exception(detail is null ? $"{title} ({(int)status})" : $"{title} ({(int)status}): {detail}")
{
    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;

    /// <summary>The problem's <c>type</c> URI, when the gateway gave one.</summary>
    public string? ProblemType { get; } = problemType;
}
