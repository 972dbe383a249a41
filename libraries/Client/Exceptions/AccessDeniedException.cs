using System.Net;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>403: the key is valid but lacks the role the endpoint needs (submitting needs submitter, the audit trail
/// needs auditor), or it asked for another tenant's records.</summary>
public sealed class AccessDeniedException(string title, string? detail, string? problemType = null)
    : SpecialistPlatformException(HttpStatusCode.Forbidden, title, detail, problemType);
