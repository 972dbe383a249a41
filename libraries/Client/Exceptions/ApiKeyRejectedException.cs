using System.Net;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>401: the X-Api-Key header was missing, or its key is unknown, revoked or expired.</summary>
public sealed class ApiKeyRejectedException(string title, string? detail, string? problemType = null)
    : SpecialistPlatformException(HttpStatusCode.Unauthorized, title, detail, problemType);
