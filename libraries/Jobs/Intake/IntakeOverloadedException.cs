namespace SpecialistPlatform.Jobs.Intake;

/// <summary>
/// The job writer already holds as many submissions waiting for their commit as it may (in count or in bytes of text):
/// the database is slower than the arrivals. Nothing was stored; the gateway answers 503 with Retry-After, and the bus
/// intake's retry takes the message again later. Refusing here keeps memory bounded under any overload.
/// </summary>
public sealed class IntakeOverloadedException(string message) : Exception(message);
