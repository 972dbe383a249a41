using System.Net;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>503 or 504: the request was fine but the platform could not take it now (database away, intake full, a
/// specialist still starting). Nothing was stored; send the same request again after <see cref="RetryAfter"/> (a job
/// with the same Idempotency-Key is never made twice).</summary>
public sealed class PlatformUnavailableException(HttpStatusCode status, string title, string? detail, TimeSpan? retryAfter, string? problemType = null)
    : SpecialistPlatformException(status, title, detail, problemType)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
