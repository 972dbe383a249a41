using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Data.Keys;

/// <summary>A key just made: its stored record and the secret itself, which is shown this once and never stored.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
