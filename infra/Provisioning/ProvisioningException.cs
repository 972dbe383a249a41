namespace SpecialistPlatform.Provisioning;

/// <summary>A server could not be provided; the message says why and what to do about it.</summary>
public sealed class ProvisioningException(string message, Exception? inner = null) : Exception(message, inner);
