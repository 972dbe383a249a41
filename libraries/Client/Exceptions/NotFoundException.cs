using System.Net;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>404: no such job (or other resource) exists for the key's tenant. Another tenant's job is also 404.</summary>
public sealed class NotFoundException(string title, string? detail, string? problemType = null)
    : SpecialistPlatformException(HttpStatusCode.NotFound, title, detail, problemType);
