using System.Net;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>409: the Idempotency-Key already belongs to a job with a different kind, text or metadata; the detail
/// names that job. Use a new key for a new job.</summary>
public sealed class IdempotencyConflictException(string title, string? detail, string? problemType = null)
    : SpecialistPlatformException(HttpStatusCode.Conflict, title, detail, problemType);
