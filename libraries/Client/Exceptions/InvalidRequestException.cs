using System.Net;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>400, 413 or 415: the request itself is wrong (an unknown or missing kind, empty or oversized text, a bad
/// query value, a batch over its limits). Sending it again unchanged will not help; <see cref="SpecialistPlatformException.Detail"/> says what to change.</summary>
public sealed class InvalidRequestException(HttpStatusCode status, string title, string? detail, string? problemType = null)
    : SpecialistPlatformException(status, title, detail, problemType);
