using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Data.Keys;

/// <summary>What <see cref="ApiKeys.EnsureOnlyKeyAsync"/> changed: the key it stored (null when it was there already)
/// and the keys of the same name it revoked.</summary>
public sealed record OnlyKeyChanges(ApiKey? Created, IReadOnlyList<ApiKey> Revoked);
